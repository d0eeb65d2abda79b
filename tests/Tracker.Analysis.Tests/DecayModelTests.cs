using Tracker.Analysis.Decay;

namespace Tracker.Analysis.Tests;

public class DecayModelTests
{
    [Fact]
    public void Recovers_a_known_curve()
    {
        var t = Enumerable.Range(0, 200).Select(i => i * 0.75).ToArray();
        var y = t.Select((x, i) => 3 + 2 * Math.Exp(-0.05 * x) + 0.01 * Math.Sin(i * 1.7)).ToArray();

        var fit = DecayModel.Fit(t, y);

        Assert.True(fit.Converged, fit.Message);
        Assert.Equal(3, fit.Plateau!.Estimate, 2);
        Assert.Equal(5, fit.Initial!.Estimate, 2);
        Assert.Equal(0.05, fit.Rate!.Estimate, 3);
        Assert.Equal(Math.Log(2) / fit.Rate.Estimate, fit.HalfLife!.Estimate, 10);
        // Delta method as reference.R: se(half-life) / half-life = se(rate) / rate = se(log rate).
        Assert.Equal(fit.Rate.StandardError / fit.Rate.Estimate, fit.HalfLife.StandardError / fit.HalfLife.Estimate, 10);
        Assert.Equal(197, fit.Df);
    }

    [Fact]
    public void A_steady_rising_trend_has_no_plateau()
    {
        var t = Enumerable.Range(0, 50).Select(i => (double)(i % 10)).ToArray();
        var y = t.Select((x, i) => 250 + 10 * x + Math.Sin(i) + 0.05 * x * x).ToArray();

        var fit = DecayModel.Fit(t, y);

        Assert.False(fit.Converged);
        Assert.Contains("no decay to a plateau", fit.Message, StringComparison.Ordinal);
        Assert.Null(fit.Rate);
    }

    [Fact]
    public void Constant_outcome_and_constant_time_are_reported_not_fitted()
    {
        Assert.Contains("constant", DecayModel.Fit([0, 1, 2, 3, 4], [5, 5, 5, 5, 5]).Message, StringComparison.Ordinal);
        Assert.Contains("time does not vary", DecayModel.Fit([2, 2, 2, 2, 2], [5, 4, 3, 5, 1]).Message, StringComparison.Ordinal);
        Assert.Contains("at least 4 observations", DecayModel.Fit([0, 1, 2], [5, 4, 3]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_are_skipped()
    {
        var t = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var y = t.Select((x, i) => 1 + 4 * Math.Exp(-0.1 * x) + 0.02 * Math.Cos(i * 2.3)).ToArray();
        var full = DecayModel.Fit(t, y);
        y[10] = double.NaN;

        var fit = DecayModel.Fit(t, y);

        Assert.Equal(99, fit.Observations);
        Assert.Equal(full.Plateau!.Estimate, fit.Plateau!.Estimate, 2);
    }
}
