using Tracker.Engine.Charts;
using Tracker.Model.Findings;

namespace Tracker.Engine.Summaries;

/// <summary>The composed trend summary: subject, HTML and plain-text bodies, the inline images, and what they were made of.</summary>
public sealed record SummaryEmail(
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<InlineImage> Images,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RenderedChart> Charts);
