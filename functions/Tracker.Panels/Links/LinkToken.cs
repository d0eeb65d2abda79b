namespace Tracker.Panels.Links;

/// <summary>What a participant link grants: one participant's answer to one wave of one panel, until it expires.</summary>
public sealed record LinkToken(string PanelId, string ParticipantId, int Wave, DateTimeOffset ExpiresAt);
