namespace Tracker.Engine.Plans;

/// <summary>One send in the dry run: who (pseudonymous id), which wave and message, when, and what has become of it.</summary>
public sealed record PlanEntry(string ParticipantId, int Wave, string Kind, DateTimeOffset DueAt, DateTimeOffset ClosesAt, string State, string? Reason);
