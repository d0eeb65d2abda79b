using System.Globalization;
using System.Text;
using Tracker.Engine.Charts;
using Tracker.Engine.Panels;
using Tracker.Engine.Status;
using Tracker.Model.Models;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// Everything the dashboard shows, gathered once per request: the status (the same numbers as the status API), the
/// retention counts, and the stored model (<see cref="Model"/>, null before the first fit) that the trend and the
/// model section read — the dashboard never fits. The web side lays it out; the words about the model and the chart
/// come from here, so the page holds no statistics of its own.
/// </summary>
public sealed record DashboardData(
    Panel Panel,
    PanelStatus Status,
    string Outcome,
    int FirstWaveResponders,
    IReadOnlyList<WaveTrend> Trend,
    ModelDocument? Model)
{
    /// <summary>The trend chart's id on the page; its title and description are <c>trend-title</c> and <c>trend-desc</c>.</summary>
    public const string TrendChartId = "trend";

    /// <summary>
    /// Responses flagged as careless across the panel (the stored model's count); null for a model fitted before the check existed, and the page shows nothing then
    /// (per wave: <see cref="WaveTrend.CarelessFlagged"/>).
    /// </summary>
    public int? CarelessFlagged { get; init; }

    /// <summary>When the stored model was fitted; null before the first fit.</summary>
    public DateTimeOffset? FittedAt => Model?.FittedAt;

    /// <summary>A wave closed after the stored model was fitted, so its answers are not in the model yet.</summary>
    public bool ModelStale => Model is { } model && Status.Waves.Any(w => w.State == "closed" && w.ClosesAt > model.FittedAt);

    /// <summary>The stored model's decay curve when it converged with every parameter the curve needs.</summary>
    public DecayDocument? Decay =>
        Model?.Analysis.Decay is { Converged: true, Plateau.Estimate: not null, Initial.Estimate: not null, Rate.Estimate: not null } decay ? decay : null;

    /// <summary>Waves with an outcome mean to plot and tabulate.</summary>
    public IEnumerable<WaveTrend> TrendPoints => Trend.Where(t => t.OutcomeN > 0);

    /// <summary>
    /// The trend as inline SVG: the summary email's willingness chart (<see cref="WillingnessChart.ForResearcher"/>,
    /// the one definition) drawn from the stored model, named by its title and described by <see cref="TrendDescription"/>.
    /// Null when there is nothing to draw. A method, not a property: each call draws the chart.
    /// </summary>
    public string? DrawTrendChart() => Model is { } model && TrendPoints.Any()
        ? WillingnessChart.Svg(WillingnessChart.ForResearcher(model), TrendChartId, TrendDescription())
        : null;

    /// <summary>The chart's numbers in words, for screen readers (the chart's <c>desc</c>).</summary>
    public string TrendDescription()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Mean {Outcome} per wave with 95% confidence intervals. ");
        foreach (var p in TrendPoints.Where(t => double.IsFinite(t.OutcomeMean) && double.IsFinite(t.MeanDays)))
        {
            text.Append(CultureInfo.InvariantCulture, $"Wave {p.Wave}: {DashboardFormat.Number(p.OutcomeMean)}");
            if (double.IsFinite(p.CiLower)) text.Append(CultureInfo.InvariantCulture, $" (95% CI {DashboardFormat.Number(p.CiLower)} to {DashboardFormat.Number(p.CiUpper)})");
            text.Append(CultureInfo.InvariantCulture, $" from {p.OutcomeN} answers at day {DashboardFormat.Number(p.MeanDays, "0.0")}. ");
        }

        text.Append(Decay is { } decay
            ? string.Create(CultureInfo.InvariantCulture, $"Fitted decay curve from {DashboardFormat.Number(decay.Initial!.Estimate!.Value)} towards a plateau of {DashboardFormat.Number(decay.Plateau!.Estimate!.Value)}, half-life {DashboardFormat.Number(decay.HalfLife?.Estimate ?? double.NaN, "0.0")} days.")
            : "No decay curve is drawn: the decay model did not converge on these data.");
        return text.ToString();
    }
}
