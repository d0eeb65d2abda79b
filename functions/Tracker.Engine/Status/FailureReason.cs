namespace Tracker.Engine.Status;

/// <summary>How many messages of a wave failed for one reason.</summary>
public sealed record FailureReason(string Reason, int Count);
