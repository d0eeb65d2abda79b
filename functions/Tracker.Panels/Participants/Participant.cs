namespace Tracker.Panels.Participants;

/// <summary>A panel member as the engine sees them: a pseudonymous id, a time zone and whether they are still in.</summary>
public sealed record Participant(string PanelId, string Id, string TimeZone, bool Active, DateTimeOffset EnrolledAt);
