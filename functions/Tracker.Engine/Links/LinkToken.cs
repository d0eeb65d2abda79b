namespace Tracker.Engine.Links;

/// <summary>
/// What a participant link grants: one participant's use of one wave of one panel for <see cref="Purpose"/>, until it
/// expires. The purpose defaults to the survey form, which is also what a token signed before purposes existed means.
/// </summary>
public sealed record LinkToken(string PanelId, string ParticipantId, int Wave, DateTimeOffset ExpiresAt, LinkPurpose Purpose = LinkPurpose.Survey);
