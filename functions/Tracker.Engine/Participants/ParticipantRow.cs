namespace Tracker.Engine.Participants;

/// <summary>One accepted line of a participant CSV.</summary>
public sealed record ParticipantRow(int Line, string Email, string? ExternalId, string TimeZone);
