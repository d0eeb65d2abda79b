using ScottPlot;
using Tracker.Model.Findings;
using Tracker.Model.Suppression;

namespace Tracker.Engine.Charts;

/// <summary>Chart 2: response rate per wave (bars) and Kaplan–Meier retention (line), both in percent.</summary>
public static class ResponseChart
{
    public const string Id = "responses";
    public const string RateSeries = "Response rate (%)";
    public const string RetentionSeries = "Still answering (%)";

    public static RenderedChart Build(SummaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rates = data.Waves.Where(w => w.ResponseRate is not null).ToList();
        var retained = data.ModelsShown ? data.Waves.Where(w => w.Retention is not null).ToList() : [];
        var suppressed = data.Waves.Where(w => w.ResponsesSuppressed).Select(w => $"wave {w.Row.Wave}").ToList();
        var series = new List<ChartSeries>
        {
            new(RateSeries, rates.Select(w => (double)w.Row.Wave).ToList(), rates.Select(w => w.ResponseRate!.Value * 100).ToList()),
            new(RetentionSeries, retained.Select(w => (double)w.Row.Wave).ToList(), retained.Select(w => w.Retention!.Value * 100).ToList()),
        };

        var plot = new Plot();
        try
        {
            const string title = "Response rate and retention";
            ChartStyle.Apply(plot, title, "Wave", "Percent");
            if (series[0].X.Count > 0)
            {
                var bars = plot.Add.Bars(series[0].X.ToArray(), series[0].Y.ToArray());
                bars.Color = new Color(120, 170, 230);
                bars.LegendText = RateSeries;
            }

            if (series[1].X.Count > 0)
            {
                var line = plot.Add.Scatter(series[1].X.ToArray(), series[1].Y.ToArray());
                line.LineWidth = 3;
                line.MarkerSize = 10;
                line.Color = new Color(217, 95, 2);
                line.LegendText = RetentionSeries;
            }

            if (suppressed.Count > 0)
            {
                var note = plot.Add.Text($"Suppressed (n < {data.Suppression.Minimum}): {string.Join(", ", suppressed)}", 0.6, 8);
                note.LabelFontSize = 15;
            }

            var waves = data.Waves.Select(w => w.Row.Wave).ToList();
            ChartStyle.WaveTicks(plot, waves);
            plot.Axes.SetLimits(0.4, Math.Max(1, waves.DefaultIfEmpty(1).Max()) + 0.6, 0, 110);
            plot.ShowLegend(Alignment.UpperRight);
            var alt = $"{title}: " + string.Join("; ", data.Waves.Select(w =>
                $"wave {w.Row.Wave} " + (w.ResponseRate is { } r ? $"response rate {Numbers.Percent(r)}" : w.ResponsesSuppressed ? "suppressed" : "no invitations")
                + (w.Retention is { } k && data.ModelsShown ? $", still answering {Numbers.Percent(k)}" : ""))) + ".";
            return new RenderedChart(Id, title, alt, ChartStyle.Width, ChartStyle.Height, series, suppressed, ChartStyle.Png(plot));
        }
        finally
        {
            plot.Dispose();
        }
    }
}
