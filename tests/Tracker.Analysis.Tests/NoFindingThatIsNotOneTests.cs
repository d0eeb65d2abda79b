using Tracker.Analysis.Decay;
using Tracker.Analysis.Persistence;
using Tracker.Analysis.Reliability;

namespace Tracker.Analysis.Tests;

/// <summary>
/// The decay, persistence and reliability sections refuse to report a finding the data cannot carry:
/// a saturated decay curve (three distinct times), a plateau outside the observed scores, an unbounded
/// half-life interval, a persistence line with no residual error, and a negative Cronbach's α.
/// </summary>
public class NoFindingThatIsNotOneTests
{
    [Fact]
    public void Decay_over_three_distinct_times_is_not_identified()
    {
        // A pilot whose three waves were answered within seconds of each other: three distinct days values.
        var random = new Random(15);
        var days = new List<double>();
        var scores = new List<double>();
        foreach (var (day, mean) in new[] { (0.0, 5.0), (0.00002, 4.6), (0.00004, 4.5) })
            for (var i = 0; i < 80; i++)
            {
                days.Add(day);
                scores.Add(mean + random.NextDouble() - 0.5);
            }

        var fit = DecayModel.Fit(days, scores);

        Assert.False(fit.Converged);
        Assert.True(fit.NotIdentified, fit.Message);
        Assert.Contains("only 3 distinct times", fit.Message, StringComparison.Ordinal);
        Assert.Null(fit.Plateau);
        Assert.Null(fit.HalfLife);
    }

    [Fact]
    public void Decay_whose_plateau_lies_outside_the_scores_is_not_identified()
    {
        // A curve that has barely started to bend: its least-squares plateau lies far below every score.
        var random = new Random(7);
        var days = new List<double>();
        var scores = new List<double>();
        for (var t = 0; t <= 6; t++)
            for (var i = 0; i < 40; i++)
            {
                days.Add(t * 10);
                scores.Add(-3 + 8 * Math.Exp(-0.004 * t * 10) + 0.05 * (random.NextDouble() - 0.5));
            }

        var fit = DecayModel.Fit(days, scores);

        Assert.False(fit.Converged);
        Assert.True(fit.NotIdentified, fit.Message);
        Assert.True(fit.Message!.Contains("outside the observed scores", StringComparison.Ordinal) || fit.Message.Contains("unbounded", StringComparison.Ordinal), fit.Message);
    }

    [Fact]
    public void Decay_that_levels_off_within_the_scores_is_still_reported()
    {
        var random = new Random(3);
        var days = new List<double>();
        var scores = new List<double>();
        for (var t = 0; t <= 8; t++)
            for (var i = 0; i < 40; i++)
            {
                days.Add(t * 7);
                scores.Add(3 + 2 * Math.Exp(-0.08 * t * 7) + 0.5 * (random.NextDouble() - 0.5));
            }

        var fit = DecayModel.Fit(days, scores);

        Assert.True(fit.Converged, fit.Message);
        Assert.InRange(fit.Plateau!.Estimate, 2.8, 3.2);
    }

    [Fact]
    public void Persistence_with_no_residual_error_is_not_identified()
    {
        // Three pairs exactly on a line: the standard error would be 0 — a saturated fit, not a precise one.
        int[] groups = [0, 0, 1, 1, 2, 2];
        double[] waves = [1, 2, 1, 2, 1, 2];
        double[] scores = [1, 2, 2, 3, 3, 4];

        var fit = PersistenceModel.Fit(groups, waves, scores);

        Assert.False(fit.Estimable);
        Assert.StartsWith("not identified", fit.Message, StringComparison.Ordinal);
        Assert.Null(fit.Rho);
    }

    [Fact]
    public void Negative_alpha_is_flagged()
    {
        // Two items of which the second was reverse-keyed but left unreversed.
        var first = new[] { 1.0, 2, 3, 4, 5, 2, 4 };
        var second = first.Select(v => 6 - v + (v % 2 == 0 ? 0.5 : -0.5)).ToArray();
        var alpha = CronbachAlpha.Compute([first, second], Enumerable.Range(0, first.Length).ToArray());

        Assert.True(alpha < 0, $"alpha {alpha}");
        Assert.Contains("reverse-keyed", new WaveAlpha(1, first.Length, alpha).Warning, StringComparison.Ordinal);
        Assert.Null(new WaveAlpha(1, first.Length, 0.8).Warning);
    }
}
