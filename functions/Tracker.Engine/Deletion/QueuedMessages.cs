namespace Tracker.Engine.Deletion;

/// <summary>How many messages of one queue name the panel.</summary>
public sealed record QueuedMessages(string Queue, int Messages);
