namespace Tracker.Engine.Charts;

/// <summary>
/// What chart 1 shows, before it is drawn: the title, both axis titles, the series exactly as plotted, the suppressed
/// waves and the text alternative. The email draws it as PNG and the dashboard as inline SVG
/// (<see cref="WillingnessChart.Png"/>, <see cref="WillingnessChart.Svg"/>), so the two cannot drift apart.
/// </summary>
public sealed record WillingnessChartDefinition(
    string Title,
    string XAxisTitle,
    string YAxisTitle,
    int ScaleMin,
    int ScaleMax,
    double MaxDays,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<string> Suppressed,
    int SuppressionMinimum,
    string AltText)
{
    public ChartSeries this[string name] => Series.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"no series '{name}' in chart '{Title}'");
}
