namespace Tracker.Engine.Summaries;

/// <summary>The preview of a panel's summary: the HTML with the charts inlined, or why there is none.</summary>
public sealed record SummaryPreview(bool PanelFound, string? Html, string? Problem);
