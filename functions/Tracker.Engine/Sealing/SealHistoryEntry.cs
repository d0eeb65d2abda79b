namespace Tracker.Engine.Sealing;

/// <summary>One change to a sealed wave after it was sealed: when, why, and how many rows it removed (never whose).</summary>
public sealed record SealHistoryEntry(DateTimeOffset At, string Reason, int RowsRemoved)
{
    /// <summary>A participant's answers were erased at their request.</summary>
    public const string Erasure = "erasure";
}
