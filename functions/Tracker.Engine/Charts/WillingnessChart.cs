using ScottPlot;
using Tracker.Model.Findings;
using Tracker.Model.Suppression;
using Tracker.Model.Time;

namespace Tracker.Engine.Charts;

/// <summary>Chart 1: the outcome's mean per wave with its 95% CI, the fitted decay curve and its plateau, over the model's time axis (<see cref="ModelTimeAxis"/>).</summary>
public static class WillingnessChart
{
    public const string Id = "willingness";
    public const string MeansSeries = "Mean with 95% CI";
    public const string CurveSeries = "Fitted decay curve";
    public const string PlateauSeries = "Plateau";
    private const int CurvePoints = 60;

    public static RenderedChart Build(SummaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var model = data.Model;
        var name = FindingsWriter.ConstructName(model, model.Outcome);
        var shown = data.ModelsShown ? data.Waves.Where(w => w.Outcome is not null).ToList() : [];
        var suppressed = data.Waves.Where(w => w.OutcomeSuppressed || (!data.ModelsShown && w.Row.Responded > 0)).Select(w => $"wave {w.Row.Wave}").ToList();

        var series = new List<ChartSeries>
        {
            new(MeansSeries,
                shown.Select(w => w.Row.Days).ToList(),
                shown.Select(w => w.Outcome!.Mean!.Value).ToList(),
                shown.Select(w => w.Outcome!.CiLower ?? w.Outcome.Mean!.Value).ToList(),
                shown.Select(w => w.Outcome!.CiUpper ?? w.Outcome.Mean!.Value).ToList()),
        };

        var decay = model.Analysis.Decay;
        var maxDays = data.Waves.Count > 0 ? data.Waves.Max(w => w.Row.Days) : 0;
        if (data.ModelsShown && decay.Converged && decay.Initial?.Estimate is { } initial && decay.Plateau?.Estimate is { } plateau && decay.Rate?.Estimate is { } rate && maxDays > 0)
        {
            var xs = Enumerable.Range(0, CurvePoints + 1).Select(i => maxDays * i / CurvePoints).ToList();
            series.Add(new ChartSeries(CurveSeries, xs, xs.Select(t => plateau + (initial - plateau) * Math.Exp(-rate * t)).ToList()));
            series.Add(new ChartSeries(PlateauSeries, [0, maxDays], [plateau, plateau]));
        }

        var plot = new Plot();
        try
        {
            var title = $"{Capitalise(name)} per wave";
            var xAxis = ModelTimeAxis.AxisTitle();
            ChartStyle.Apply(plot, title, xAxis, $"Mean score ({model.ScaleMin}–{model.ScaleMax})");
            var means = series[0];
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

            foreach (var line in series.Skip(1))
            {
                var scatter = plot.Add.ScatterLine(line.X.ToArray(), line.Y.ToArray());
                scatter.LegendText = line.Name;
                scatter.LineWidth = line.Name == CurveSeries ? 3 : 2;
                scatter.Color = line.Name == CurveSeries ? new Color(217, 95, 2) : new Color(110, 110, 110);
                if (line.Name == PlateauSeries) scatter.LinePattern = LinePattern.Dashed;
            }

            if (suppressed.Count > 0)
            {
                var note = plot.Add.Text($"Suppressed (n < {data.Suppression.Minimum}): {string.Join(", ", suppressed)}", 0, model.ScaleMin + 0.3);
                note.LabelFontSize = 15;
            }

            plot.Axes.SetLimits(-Math.Max(1, maxDays * 0.04), Math.Max(1, maxDays * 1.04), model.ScaleMin, model.ScaleMax);
            plot.ShowLegend(Alignment.UpperRight);
            var alt = $"{title}: " + (means.X.Count == 0 ? "no wave can be shown yet." : string.Join("; ", shown.Select(w => $"wave {w.Row.Wave} mean {Numbers.Fixed(w.Outcome!.Mean!.Value, 2)}")) + ".")
                + (suppressed.Count > 0 ? $" Suppressed: {string.Join(", ", suppressed)}." : "");
            return new RenderedChart(Id, title, alt, ChartStyle.Width, ChartStyle.Height, series, suppressed, ChartStyle.Png(plot)) { XAxisTitle = xAxis };
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
