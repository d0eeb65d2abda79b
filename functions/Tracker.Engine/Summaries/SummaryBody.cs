namespace Tracker.Engine.Summaries;

/// <summary>
/// What the trend summary says, already worded and suppressed by <see cref="SummaryComposer"/>: the HTML part renders
/// exactly this, and the plain-text part is written from the same values.
/// </summary>
/// <param name="FooterLead">The footer's text; followed by the unsubscribe link when <paramref name="UnsubscribeUrl"/> is set.</param>
public sealed record SummaryBody(
    string Subject,
    string PanelName,
    string Introduction,
    IReadOnlyList<string> Findings,
    IReadOnlyList<SummaryChartImage> Charts,
    IReadOnlyList<SummaryTableRow> Rows,
    string Method,
    string FooterLead,
    string? UnsubscribeUrl);
