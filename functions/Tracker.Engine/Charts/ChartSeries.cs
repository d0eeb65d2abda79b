namespace Tracker.Engine.Charts;

/// <summary>
/// One plotted series exactly as drawn: suppressed cells are left out (and named in <see cref="RenderedChart.Suppressed"/>),
/// so tests can compare what the chart shows with the data.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? ErrorLower = null, IReadOnlyList<double>? ErrorUpper = null);
