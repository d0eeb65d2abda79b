using Tracker.Analysis.Data;
using Tracker.Analysis.Formula;
using Tracker.Analysis.Growth;

namespace Tracker.Analysis.Tests;

/// <summary>
/// The exact gradient of the profiled REML deviance against central differences of the deviance, the 2×2 kernel
/// against the general one, and the sums split in two halves against one pass, on the reference panels.
/// </summary>
public class RemlGradientTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "sleepstudy.csv", "reaction ~ days + (days | subject)" },
        { "sleepstudy.csv", "reaction ~ days + (1 | subject)" },
        { "example_panel.csv", "willingness ~ days * cc + (days | participant_id)" },
        { "example_panel.csv", "willingness ~ 0 + days + cc + (days | participant_id)" },
        { "example_panel.csv", "willingness ~ days + (0 + days | participant_id)" },
        { "heavy_attrition.csv", "y ~ t * x + (t | id)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_equals_central_differences_of_the_deviance(string data, string formula)
    {
        var cross = GroupedCrossProducts.Build(ReferenceData.Table(data), ModelFormula.Parse(formula));
        var objective = new RemlObjective(cross);
        var exact = new RemlGradient(cross);
        foreach (var theta in Points(objective, seed: 3))
        {
            var gradient = new double[theta.Length];
            var deviance = exact.Evaluate(theta, gradient);
            Assert.Equal(objective.Deviance(theta), deviance, 1e-9 * Math.Abs(deviance));
            for (var k = 0; k < theta.Length; k++)
            {
                var h = 1e-5 * Math.Max(1, Math.Abs(theta[k]));
                var plus = (double[])theta.Clone();
                var minus = (double[])theta.Clone();
                plus[k] += h;
                minus[k] -= h;
                var numeric = (objective.Deviance(plus) - objective.Deviance(minus)) / (2 * h);
                // Central differences are good to about h² times the third derivative plus rounding over h.
                Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)),
                    $"θ = [{string.Join(", ", theta)}], component {k}: exact {gradient[k]}, central difference {numeric}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unsplit_deviance_is_the_very_double_the_deviance_alone_gives(string data, string formula)
    {
        var cross = GroupedCrossProducts.Build(ReferenceData.Table(data), ModelFormula.Parse(formula));
        var objective = new RemlObjective(cross);
        var exact = new RemlGradient(cross);
        foreach (var theta in Points(objective, seed: 9))
            Assert.Equal(objective.Deviance(theta), exact.Evaluate(theta, new double[theta.Length]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Closed_form_kernels_equal_the_general_kernel(string data, string formula)
    {
        var cross = GroupedCrossProducts.Build(ReferenceData.Table(data), ModelFormula.Parse(formula));
        var objective = new RemlObjective(cross);
        var fast = new RemlGradient(cross);
        var general = new RemlGradient(cross, closedForms: false);
        foreach (var theta in Points(objective, seed: 5))
        {
            var a = new double[theta.Length];
            var b = new double[theta.Length];
            Assert.Equal(general.Evaluate(theta, b), fast.Evaluate(theta, a), 1e-9);
            for (var k = 0; k < a.Length; k++) Assert.Equal(b[k], a[k], 1e-7 * Math.Max(1, Math.Abs(b[k])));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sums_split_in_two_halves_equal_one_pass(string data, string formula)
    {
        var cross = GroupedCrossProducts.Build(ReferenceData.Table(data), ModelFormula.Parse(formula));
        var objective = new RemlObjective(cross);
        var onePass = new RemlGradient(cross, splitFrom: int.MaxValue);
        var halves = new RemlGradient(cross, splitFrom: 1);
        foreach (var theta in Points(objective, seed: 7))
        {
            var a = new double[theta.Length];
            var b = new double[theta.Length];
            var serial = onePass.Evaluate(theta, a);
            var split = halves.Evaluate(theta, b);
            Assert.True(Math.Abs(split - serial) <= 1e-12 * Math.Abs(serial), $"deviance {split} against {serial}");
            // The gradient is a difference of sums of order the deviance: compare on that scale.
            for (var k = 0; k < a.Length; k++)
                Assert.True(Math.Abs(b[k] - a[k]) <= 1e-12 * Math.Abs(serial), $"component {k}: {b[k]} against {a[k]}");
            // The same split twice gives the same bits, whichever half finishes first.
            var again = new double[theta.Length];
            Assert.Equal(split, halves.Evaluate(theta, again));
            Assert.Equal(b, again);
        }
    }

    [Fact]
    public void Large_panel_splits_and_still_equals_one_pass()
    {
        var cross = GroupedCrossProducts.Build(LargePanel(GroupHalves.SplitFrom + 101), ModelFormula.Parse("y ~ t + (t | id)"));
        Assert.True(cross.Groups >= GroupHalves.SplitFrom);
        var theta = new[] { 0.8, -0.2, 0.3 };
        var a = new double[3];
        var b = new double[3];
        var serial = new RemlGradient(cross, splitFrom: int.MaxValue).Evaluate(theta, a);
        var split = new RemlGradient(cross).Evaluate(theta, b);
        Assert.True(Math.Abs(split - serial) <= 1e-12 * Math.Abs(serial), $"deviance {split} against {serial}");
        // The gradient is a difference of two sums each far larger than it (the trace and the residual terms), so it
        // keeps fewer digits than the deviance through a change of summation order: 1e-10 of itself.
        for (var k = 0; k < 3; k++) Assert.True(Math.Abs(b[k] - a[k]) <= 1e-10 * Math.Max(1, Math.Abs(a[k])), $"component {k}: {b[k]} against {a[k]}");
    }

    /// <summary>Random points in the feasible box, one with a variance exactly at zero, and lme4's start.</summary>
    private static IEnumerable<double[]> Points(RemlObjective objective, int seed)
    {
        var bounds = objective.LowerBounds();
        var random = new Random(seed);
        yield return bounds.Select(bound => bound == 0 ? 1.0 : 0.0).ToArray();
        for (var trial = 0; trial < 6; trial++)
            yield return bounds.Select(bound => bound == 0 ? 0.05 + 2 * random.NextDouble() : 2 * random.NextDouble() - 1).ToArray();
        var last = bounds.Select(bound => bound == 0 ? 0.7 : 0.3).ToArray();
        last[^1] = 0;
        yield return last;
    }

    private static LongTable LargePanel(int participants)
    {
        var random = new Random(11);
        var ids = new List<string?>();
        var t = new List<double>();
        var y = new List<double>();
        for (var p = 0; p < participants; p++)
        {
            var level = 5 + random.NextDouble();
            var slope = -0.1 + 0.05 * random.NextDouble();
            for (var w = 0; w < 1 + p % 5; w++)
            {
                ids.Add($"p{p}");
                t.Add(w * 7 + random.NextDouble());
                y.Add(level + slope * w * 7 + random.NextDouble() - 0.5);
            }
        }
        return new LongTable([TableColumn.FromTexts("id", ids.ToArray()), TableColumn.FromNumbers("t", t.ToArray()), TableColumn.FromNumbers("y", y.ToArray())]);
    }
}
