namespace Tracker.Engine.Charts;

/// <summary>A chart of the summary: its PNG, what it plots, and a text alternative for screen readers and blocked images.</summary>
public sealed record RenderedChart(
    string Id,
    string Title,
    string AltText,
    int Width,
    int Height,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<string> Suppressed,
    byte[] Png)
{
    /// <summary>The horizontal axis's title as drawn, so a test can compare it with the model's wording.</summary>
    public string XAxisTitle { get; init; } = "";

    public ChartSeries this[string name] => Series.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"no series '{name}' in chart '{Id}'");
}
