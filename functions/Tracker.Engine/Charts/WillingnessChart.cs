using ScottPlot;
using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Suppression;
using Tracker.Model.Time;

namespace Tracker.Engine.Charts;

/// <summary>
/// Chart 1: the outcome's mean per wave with its 95% CI, the fitted decay curve and its plateau, over the model's time
/// axis (<see cref="ModelTimeAxis"/>). One definition (<see cref="Define"/>) drawn two ways: PNG for the stakeholder
/// email, SVG for the researcher's dashboard.
/// </summary>
public static class WillingnessChart
{
    public const string Id = "willingness";
    public const string MeansSeries = "Mean with 95% CI";
    public const string CurveSeries = "Fitted decay curve";
    public const string PlateauSeries = "Plateau";
    private const int CurvePoints = 60;

    /// <summary>The email's chart: closed waves only, small cells suppressed (<see cref="SummaryData"/>).</summary>
    public static RenderedChart Build(SummaryData data) => Png(ForSummary(data));

    /// <summary>The stakeholders' view: what <see cref="SummaryData"/> lets a summary show.</summary>
    public static WillingnessChartDefinition ForSummary(SummaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shown = data.ModelsShown ? data.Waves.Where(w => w.Outcome is not null).Select(w => (w.Row, w.Outcome!)).ToList() : [];
        var suppressed = data.Waves.Where(w => w.OutcomeSuppressed || (!data.ModelsShown && w.Row.Responded > 0)).Select(w => $"wave {w.Row.Wave}").ToList();
        var maxDays = data.Waves.Count > 0 ? data.Waves.Max(w => w.Row.Days) : 0;
        return Define(data.Model, shown, maxDays, data.ModelsShown, suppressed, data.Suppression.Minimum);
    }

    /// <summary>
    /// The researcher's view of the same chart: every wave the stored model has a mean for, open ones included, and no
    /// suppression (the dashboard is behind the admin key and shows the same counts in its tables).
    /// </summary>
    public static WillingnessChartDefinition ForResearcher(ModelDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stats = model.Analysis.Descriptives.GetValueOrDefault(model.Outcome) ?? [];
        var shown = model.Waves
            .Select(row => (Row: row, Stat: stats.FirstOrDefault(s => s.Wave == row.Wave)))
            .Where(x => x.Stat is { Mean: not null, N: > 0 } && double.IsFinite(x.Row.Days))
            .Select(x => (x.Row, x.Stat!))
            .ToList();
        var maxDays = shown.Count > 0 ? shown.Max(x => x.Row.Days) : 0;
        return Define(model, shown, maxDays, curve: true, suppressed: [], suppressionMinimum: Math.Max(1, model.MinimumCellSize));
    }

    public static RenderedChart Png(WillingnessChartDefinition chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = Draw(chart);
        return new RenderedChart(Id, chart.Title, chart.AltText, ChartStyle.Width, ChartStyle.Height, chart.Series, chart.Suppressed, ChartStyle.Png(plot)) { XAxisTitle = chart.XAxisTitle };
    }

    /// <summary>The same drawing as <see cref="Png"/>, as an SVG document (see <see cref="ChartSvg"/> for what is done to it).</summary>
    public static string Svg(WillingnessChartDefinition chart, string elementId, string description)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = Draw(chart);
        return ChartSvg.Inline(ChartStyle.Svg(plot), elementId, chart.Title, description);
    }

    private static WillingnessChartDefinition Define(ModelDocument model, IReadOnlyList<(WaveRow Row, WaveStatistic Stat)> shown, double maxDays, bool curve, IReadOnlyList<string> suppressed, int suppressionMinimum)
    {
        var name = FindingsWriter.ConstructName(model, model.Outcome);
        var series = new List<ChartSeries>
        {
            new(MeansSeries,
                shown.Select(w => w.Row.Days).ToList(),
                shown.Select(w => w.Stat.Mean!.Value).ToList(),
                shown.Select(w => w.Stat.CiLower ?? w.Stat.Mean!.Value).ToList(),
                shown.Select(w => w.Stat.CiUpper ?? w.Stat.Mean!.Value).ToList()),
        };

        var decay = model.Analysis.Decay;
        if (curve && decay.Converged && decay.Initial?.Estimate is { } initial && decay.Plateau?.Estimate is { } plateau && decay.Rate?.Estimate is { } rate && maxDays > 0)
        {
            var xs = Enumerable.Range(0, CurvePoints + 1).Select(i => maxDays * i / CurvePoints).ToList();
            series.Add(new ChartSeries(CurveSeries, xs, xs.Select(t => plateau + (initial - plateau) * Math.Exp(-rate * t)).ToList()));
            series.Add(new ChartSeries(PlateauSeries, [0, maxDays], [plateau, plateau]));
        }

        var title = $"{Capitalise(name)} per wave";
        var alt = $"{title}: " + (shown.Count == 0 ? "no wave can be shown yet." : string.Join("; ", shown.Select(w => $"wave {w.Row.Wave} mean {Numbers.Fixed(w.Stat.Mean!.Value, 2)}")) + ".")
            + (suppressed.Count > 0 ? $" Suppressed: {string.Join(", ", suppressed)}." : "");
        return new WillingnessChartDefinition(title, ModelTimeAxis.AxisTitle(), $"Mean score ({model.ScaleMin}–{model.ScaleMax})", model.ScaleMin, model.ScaleMax, maxDays, series, suppressed, suppressionMinimum, alt);
    }

    private static Plot Draw(WillingnessChartDefinition chart)
    {
        var plot = new Plot();
        try
        {
            ChartStyle.Apply(plot, chart.Title, chart.XAxisTitle, chart.YAxisTitle);
            var means = chart[MeansSeries];
            if (means.X.Count > 0)
            {
                // The t-based interval is symmetric about the mean, so one half-width per point draws it exactly.
                var errors = plot.Add.ErrorBar(means.X.ToArray(), means.Y.ToArray(), means.Y.Select((y, i) => means.ErrorUpper![i] - y).ToArray());
                errors.LineWidth = 2;
                errors.Color = Colors.Black;
                var points = plot.Add.ScatterPoints(means.X.ToArray(), means.Y.ToArray());
                points.MarkerSize = 11;
                points.Color = new Color(11, 87, 208);
                points.LegendText = MeansSeries;
            }

            foreach (var line in chart.Series.Skip(1))
            {
                var scatter = plot.Add.ScatterLine(line.X.ToArray(), line.Y.ToArray());
                scatter.LegendText = line.Name;
                scatter.LineWidth = line.Name == CurveSeries ? 3 : 2;
                scatter.Color = line.Name == CurveSeries ? new Color(217, 95, 2) : new Color(110, 110, 110);
                if (line.Name == PlateauSeries) scatter.LinePattern = LinePattern.Dashed;
            }

            if (chart.Suppressed.Count > 0)
            {
                var note = plot.Add.Text($"Suppressed (n < {chart.SuppressionMinimum}): {string.Join(", ", chart.Suppressed)}", 0, chart.ScaleMin + 0.3);
                note.LabelFontSize = 15;
            }

            plot.Axes.SetLimits(-Math.Max(1, chart.MaxDays * 0.04), Math.Max(1, chart.MaxDays * 1.04), chart.ScaleMin, chart.ScaleMax);
            plot.ShowLegend(Alignment.UpperRight);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
