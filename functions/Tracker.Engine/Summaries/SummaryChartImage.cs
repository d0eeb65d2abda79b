namespace Tracker.Engine.Summaries;

/// <summary>One chart as the summary's HTML shows it: its heading, the image source (cid: or data: URI), its text alternative and drawn width.</summary>
public sealed record SummaryChartImage(string Id, string Title, string Source, string AltText, int Width);
