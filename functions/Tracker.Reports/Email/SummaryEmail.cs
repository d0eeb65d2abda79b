using Tracker.Reports.Charts;
using Tracker.Reports.Findings;

namespace Tracker.Reports.Email;

/// <summary>The composed trend summary: subject, HTML and plain-text bodies, the inline images, and what they were made of.</summary>
public sealed record SummaryEmail(
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<InlineImage> Images,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RenderedChart> Charts);
