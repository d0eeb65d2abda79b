using Tracker.Analysis.Formula;
using Tracker.Analysis.Growth;

namespace Tracker.Analysis.Tests;

/// <summary>The closed-form 1×1 and 2×2 group kernels against the general q×q Cholesky kernel, away from the optimum too.</summary>
public class RemlObjectiveTests
{
    [Theory]
    [InlineData("reaction ~ days + (days | subject)")]
    [InlineData("reaction ~ days + (1 | subject)")]
    [InlineData("reaction ~ 0 + days + (0 + days | subject)")]
    public void Closed_form_kernels_equal_the_general_kernel(string formula)
    {
        var data = GroupedCrossProducts.Build(ReferenceData.Table("sleepstudy.csv"), ModelFormula.Parse(formula));
        var fast = new RemlObjective(data);
        var general = new RemlObjective(data, closedForms: false);
        var random = new Random(5);

        for (var trial = 0; trial < 20; trial++)
        {
            var theta = fast.LowerBounds().Select(bound => bound == 0 ? 3 * random.NextDouble() : 2 * random.NextDouble() - 1).ToArray();
            var a = fast.Solve(theta);
            var b = general.Solve(theta);

            Assert.Equal(b.Deviance, a.Deviance, 1e-9);
            Assert.Equal(b.PenalisedRss, a.PenalisedRss, 1e-6);
            for (var i = 0; i < a.Beta.Length; i++) Assert.Equal(b.Beta[i], a.Beta[i], 1e-9);
        }
    }
}
