using Tracker.Analysis.Data;
using Tracker.Analysis.Growth;

namespace Tracker.Analysis.Tests;

/// <summary>Identification checks and bad input for the growth model (lme4's own checks, and the "fewer than three groups").</summary>
public class GrowthModelTests
{
    private static LongTable Panel(int participants, int waves, Func<int, int, double> outcome)
    {
        var ids = new List<string?>();
        var days = new List<double>();
        var ys = new List<double>();
        for (var p = 0; p < participants; p++)
            for (var w = 0; w < waves; w++)
            {
                ids.Add($"p{p}");
                days.Add(w * 10 + p % 3);
                ys.Add(outcome(p, w));
            }
        return new LongTable([TableColumn.FromTexts("id", ids.ToArray()), TableColumn.FromNumbers("t", days.ToArray()), TableColumn.FromNumbers("y", ys.ToArray())]);
    }

    private static double Noise(int p, int w) => Math.Sin(p * 12.9898 + w * 78.233) * 0.5;

    [Fact]
    public void Fewer_than_three_groups_is_unidentifiable()
    {
        var error = Assert.Throws<UnidentifiableModelException>(() => GrowthModel.Fit(Panel(2, 5, (p, w) => p + w + Noise(p, w)), "y ~ t + (t | id)"));
        Assert.Contains("at least three groups", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_observation_per_group_is_unidentifiable_as_in_lme4()
    {
        var error = Assert.Throws<UnidentifiableModelException>(() => GrowthModel.Fit(Panel(10, 1, Noise), "y ~ t + (1 | id)"));
        Assert.Contains("single observation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_random_effects_than_observations_is_unidentifiable_as_in_lme4()
    {
        var error = Assert.Throws<UnidentifiableModelException>(() => GrowthModel.Fit(Panel(10, 2, Noise), "y ~ t + (t | id)"));
        Assert.Contains("number of random effects (20)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_outcome_is_a_clear_error_not_a_degenerate_fit()
    {
        // lme4 "fits" this with every SD near 1e-14 and a REML criterion of about −66,000: numbers that mean nothing.
        var error = Assert.Throws<UnidentifiableModelException>(() => GrowthModel.Fit(Panel(10, 4, (_, _) => 5), "y ~ t + (t | id)"));
        Assert.Contains("constant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collinear_fixed_effects_name_the_column()
    {
        var table = Panel(10, 4, Noise);
        var doubled = table.Numbers("t").Select(v => 2 * v).ToArray();
        var extended = new LongTable(table.Columns.Append(TableColumn.FromNumbers("t2", doubled)));

        var error = Assert.Throws<UnidentifiableModelException>(() => GrowthModel.Fit(extended, "y ~ t + t2 + (1 | id)"));
        Assert.Contains("'t2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_non_numeric_columns_are_named()
    {
        var table = Panel(5, 3, Noise);
        Assert.Contains("no column 'x'", Assert.Throws<AnalysisException>(() => GrowthModel.Fit(table, "y ~ x + (1 | id)")).Message, StringComparison.Ordinal);
        Assert.Contains("column 'id' is not numeric: row 1 has 'p0'", Assert.Throws<AnalysisException>(() => GrowthModel.Fit(table, "y ~ id + (1 | t)")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_missing_values_are_dropped_like_lme4_na_omit()
    {
        var table = Panel(8, 4, (p, w) => p * 0.3 - w + Noise(p, w));
        var y = table.Numbers("y");
        var full = GrowthModel.Fit(table, "y ~ t + (1 | id)");
        y[5] = double.NaN;

        var dropped = GrowthModel.Fit(table, "y ~ t + (1 | id)");

        Assert.Equal(full.Observations - 1, dropped.Observations);
        Assert.NotEqual(full.RemlCriterion, dropped.RemlCriterion);
    }

    [Fact]
    public void Zero_variance_random_intercept_is_reported_singular()
    {
        // No participant differs beyond the noise: lme4 puts the intercept variance at its bound of zero.
        var fit = GrowthModel.Fit(Panel(12, 5, (p, w) => -0.5 * w + Noise(p, w)), "y ~ t + (1 | id)");

        Assert.True(fit.Singular);
        Assert.Equal(0, fit.Random.SdIntercept!.Value, 6);
        Assert.Contains("estimated at zero", fit.Message, StringComparison.Ordinal);
    }
}
