namespace Tracker.Engine.Invitations;

/// <summary>One message the schedule makes: a participant's invitation or reminder for a wave, when it is due and when their window closes.</summary>
public sealed record PlannedSend(string ParticipantId, int Wave, string Kind, DateTimeOffset DueAt, DateTimeOffset ClosesAt);
