using ScottPlot;
using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Suppression;

namespace Tracker.Engine.Charts;

/// <summary>
/// Chart 3: every construct's mean per wave, in chain order (behaviour → psychology → outcome), one colour family per
/// layer, so whether the behaviours, the mechanisms and the outcomes move together is visible at a glance.
/// </summary>
public static class ConstructChart
{
    public const string Id = "constructs";

    private static readonly Color[][] Families =
    [
        [new(8, 81, 156), new(49, 130, 189), new(107, 174, 214)],       // behaviour: blues
        [new(166, 54, 3), new(230, 85, 13), new(253, 141, 60)],          // psychology: oranges
        [new(0, 109, 44), new(49, 163, 84), new(116, 196, 118)],         // outcome: greens
        [new(84, 39, 143), new(117, 107, 177), new(158, 154, 200)],      // other layers: purples
    ];

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp];

    public static RenderedChart Build(SummaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var constructs = data.ConstructsInChainOrder;
        var waves = data.Waves.Select(w => w.Row.Wave).ToList();
        var series = new List<ChartSeries>();
        var suppressed = new List<string>();
        foreach (var construct in constructs)
        {
            var shown = data.ModelsShown ? waves.Select(w => (Wave: w, Stat: data.Statistic(construct.Id, w))).Where(x => x.Stat is not null && !WaveHidden(data, x.Wave)).ToList() : [];
            series.Add(new ChartSeries(Label(construct), shown.Select(x => (double)x.Wave).ToList(), shown.Select(x => x.Stat!.Mean!.Value).ToList()));
            suppressed.AddRange(waves.Where(w => data.IsSuppressed(construct.Id, w) || (WaveHidden(data, w) && data.Model.Analysis.Descriptives.ContainsKey(construct.Id))).Select(w => $"{construct.Id} wave {w}"));
        }

        var plot = new Plot();
        try
        {
            const string title = "Co-creation chain per wave";
            ChartStyle.Apply(plot, title, "Wave", $"Mean score ({data.Model.ScaleMin}–{data.Model.ScaleMax})");
            var used = new Dictionary<int, int>();
            foreach (var (construct, line) in constructs.Zip(series))
            {
                var family = Math.Min(SummaryData.LayerRank(construct.Layer), Families.Length - 1);
                used[family] = used.GetValueOrDefault(family);
                var index = used[family]++;
                if (line.X.Count == 0) continue;
                var scatter = plot.Add.Scatter(line.X.ToArray(), line.Y.ToArray());
                scatter.Color = Families[family][index % 3];
                scatter.MarkerShape = Shapes[index % Shapes.Length];
                scatter.MarkerSize = 9;
                scatter.LineWidth = 2.5f;
                scatter.LegendText = line.Name;
            }

            ChartStyle.WaveTicks(plot, waves);
            plot.Axes.SetLimits(0.6, Math.Max(1, waves.DefaultIfEmpty(1).Max()) + 0.4, data.Model.ScaleMin, data.Model.ScaleMax);
            plot.Legend.FontSize = 12;
            plot.ShowLegend(Edge.Right);
            var alt = $"{title}: " + string.Join("; ", series.Select(s => s.X.Count == 0
                ? $"{s.Name} not shown"
                : $"{s.Name} " + string.Join(", ", s.X.Select((x, i) => $"wave {x} {Numbers.Fixed(s.Y[i], 2)}")))) + ".";
            return new RenderedChart(Id, title, alt, ChartStyle.Width, ChartStyle.Height, series, suppressed.Distinct().ToList(), ChartStyle.Png(plot));
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static bool WaveHidden(SummaryData data, int wave) => data.Waves.FirstOrDefault(w => w.Row.Wave == wave)?.ResponsesSuppressed ?? true;

    private static string Label(ConstructInfo construct) => $"{construct.Layer}: {construct.Id}";
}
