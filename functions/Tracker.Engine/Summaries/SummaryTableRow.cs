namespace Tracker.Engine.Summaries;

/// <summary>One row of the summary's per-wave table, already worded (suppressed cells say so).</summary>
public sealed record SummaryTableRow(string Wave, string Answered, string Rate, string Mean);
