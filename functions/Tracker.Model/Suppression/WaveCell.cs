using Tracker.Model.Models;

namespace Tracker.Model.Suppression;

/// <summary>One wave as a summary may show it: every value is null when its cell is suppressed or absent.</summary>
public sealed record WaveCell(
    WaveRow Row,
    bool ResponsesSuppressed,
    double? ResponseRate,
    WaveStatistic? Outcome,
    bool OutcomeSuppressed,
    double? Retention,
    RetentionPointDocument? RetentionSource);
