using System.Buffers.Binary;
using Tracker.Engine.Charts;
using Tracker.Model.Suppression;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Charts;

public sealed class ChartTests
{
    private static readonly int[] FourWaves = [120, 104, 92, 85];

    [Fact]
    public void Willingness_chart_plots_the_wave_means_their_intervals_and_the_fitted_curve()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var chart = WillingnessChart.Build(new SummaryData(model));
        var stats = model.Analysis.Descriptives["willingness"];
        var means = chart[WillingnessChart.MeansSeries];
        Assert.Equal(model.Waves.Select(w => w.Days), means.X);
        Assert.Equal(stats.Select(s => s.Mean!.Value), means.Y);
        Assert.Equal(stats.Select(s => s.CiLower!.Value), means.ErrorLower!);
        Assert.Equal(stats.Select(s => s.CiUpper!.Value), means.ErrorUpper!);

        var decay = model.Analysis.Decay;
        var curve = chart[WillingnessChart.CurveSeries];
        Assert.Equal(0, curve.X[0]);
        Assert.Equal(21, curve.X[^1]);
        for (var i = 0; i < curve.X.Count; i++)
        {
            var plateau = decay.Plateau!.Estimate!.Value;
            var expected = plateau + (decay.Initial!.Estimate!.Value - plateau) * Math.Exp(-decay.Rate!.Estimate!.Value * curve.X[i]);
            Assert.Equal(expected, curve.Y[i], 12);
        }

        Assert.Equal([decay.Plateau!.Estimate!.Value, decay.Plateau.Estimate!.Value], chart[WillingnessChart.PlateauSeries].Y);
        AssertPng(chart);
    }

    [Fact]
    public void Response_chart_plots_rates_and_retention_in_percent()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var chart = ResponseChart.Build(new SummaryData(model));
        Assert.Equal([1.0, 2, 3, 4], chart[ResponseChart.RateSeries].X);
        Assert.Equal(model.Waves.Select(w => w.ResponseRate!.Value * 100), chart[ResponseChart.RateSeries].Y);

        // Retention at wave w is the Kaplan–Meier survival past wave w − 1 (wave 1: everyone).
        var curve = model.Analysis.Retention.Curve;
        var retention = chart[ResponseChart.RetentionSeries];
        Assert.Equal(100, retention.Y[0]);
        for (var w = 2; w <= 4; w++)
        {
            Assert.Equal(curve.Last(p => p.Wave <= w - 1).Survival!.Value * 100, retention.Y[w - 1], 12);
        }

        // 85 of 120 still answer at wave 4 and nobody returns, so survival past wave 3 is 85/120.
        Assert.Equal(85.0 / 120 * 100, retention.Y[3], 9);
        AssertPng(chart);
    }

    [Fact]
    public void Construct_chart_runs_behaviour_then_psychology_then_outcome_with_each_mean()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var chart = ConstructChart.Build(new SummaryData(model));
        Assert.Equal(
            ["behaviour: ugc", "behaviour: interaction", "behaviour: community", "psychology: ownership", "psychology: value", "psychology: identification", "outcome: willingness", "outcome: participation", "outcome: diffusion"],
            chart.Series.Select(s => s.Name));
        foreach (var series in chart.Series)
        {
            var construct = series.Name[(series.Name.IndexOf(':', StringComparison.Ordinal) + 2)..];
            Assert.Equal(model.Analysis.Descriptives[construct].Select(s => s.Mean!.Value), series.Y);
            Assert.Equal([1.0, 2, 3, 4], series.X);
        }

        AssertPng(chart);
    }

    private static void AssertPng(RenderedChart chart)
    {
        var png = chart.Png;
        Assert.True(png.Length > 5_000, $"{chart.Id}: {png.Length} bytes is too small for a chart with text");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(ChartStyle.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ChartStyle.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Equal(ChartStyle.Width, chart.Width);
        Assert.Equal(ChartStyle.Height, chart.Height);
    }
}
