namespace Tracker.Engine.Participants;

/// <summary>A CSV line that was not imported, and why (<see cref="Line"/> counts the header as line 1).</summary>
public sealed record RejectedLine(int Line, string Reason);
