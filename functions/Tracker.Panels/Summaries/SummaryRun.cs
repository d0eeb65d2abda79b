namespace Tracker.Panels.Summaries;

/// <summary>What one summary pass did for one panel and period.</summary>
public sealed record SummaryRun(string PanelId, string Period, int Sent, int AlreadyHandled, int Failed);
