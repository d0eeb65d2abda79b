using Tracker.Analysis.Persistence;
using Tracker.Analysis.Retention;

namespace Tracker.Analysis.Tests;

public class PersistenceAndRetentionTests
{
    [Fact]
    public void Only_consecutive_waves_form_pairs()
    {
        // Participant 0 answers waves 1, 2, 4 (skips 3): pairs (1→2) only; participant 1 answers 1..3: pairs (1→2), (2→3).
        int[] groups = [0, 0, 0, 1, 1, 1, 2, 2];
        double[] waves = [1, 2, 4, 1, 2, 3, 1, 2];
        double[] y = [5, 4, 3, 6, 5.5, 5.2, 4, 4.4];

        var fit = PersistenceModel.Fit(groups, waves, y);

        Assert.Equal(4, fit.Pairs);
        Assert.Equal(3, fit.Groups);
    }

    [Fact]
    public void Waves_far_apart_pair_the_same_rows_as_waves_numbered_from_one()
    {
        // Waves 1–4 are looked up in a participant × wave array; the same waves shifted by a million (the array would be
        // far larger than the rows) go through the keyed look-up: both must pick the same first rows and pairs.
        int[] groups = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, -1, 1];
        double[] waves = [1, 2, 2, 3, 1, 3, 4, 2, 3, 4, double.NaN, 1, 2, 2, 2];
        double[] y = [5, 4, 9, 3.5, 6, 5.2, 4.8, 4, 4.4, 3.9, 2, 5.5, 5.1, 7, 4.6];

        var near = PersistenceModel.Fit(groups, waves, y);
        var far = PersistenceModel.Fit(groups, waves.Select(w => w + 1_000_000).ToArray(), y);

        Assert.Equal(9, near.Pairs);
        Assert.Equal(near, far);
    }

    [Fact]
    public void A_single_wave_has_no_pairs_and_says_so()
    {
        var fit = PersistenceModel.Fit([0, 1, 2], [1, 1, 1], [3, 4, 5]);

        Assert.False(fit.Estimable);
        Assert.Equal(0, fit.Pairs);
        Assert.Contains("consecutive waves", fit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_previous_outcome_is_not_estimable()
    {
        var fit = PersistenceModel.Fit([0, 0, 1, 1, 2, 2], [1, 2, 1, 2, 1, 2], [4, 3, 4, 5, 4, 4]);

        Assert.False(fit.Estimable);
        Assert.Contains("does not vary", fit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kaplan_Meier_censors_at_the_final_wave_and_counts_drop_outs()
    {
        // Last waves: 1, 2, 2, 3, 3 → final wave 3; drop-outs at 1 (one of 5) and 2 (two of 4).
        int[] groups = [0, 1, 1, 2, 2, 3, 3, 3, 4, 4];
        double[] waves = [1, 1, 2, 1, 2, 1, 2, 3, 2, 3];

        var curve = KaplanMeier.Fit(groups, waves);

        Assert.Equal(3, curve.FinalWave);
        Assert.Equal(5, curve.Participants);
        Assert.Equal([1.0, 2, 3], curve.Points.Select(p => p.Wave));
        Assert.Equal([5, 4, 2], curve.Points.Select(p => p.AtRisk));
        Assert.Equal([1, 2, 0], curve.Points.Select(p => p.Events));
        Assert.Equal(0.8 * 0.5, curve.Points[2].Survival, 12);
        var greenwood = 1.0 / (5 * 4) + 2.0 / (4 * 2);
        Assert.Equal(0.4 * Math.Sqrt(greenwood), curve.Points[2].StandardError, 12);
    }
}
