using Tracker.Engine.Exports;
using Tracker.Model.Models;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Exports;

/// <summary>The bundle's R script fits the very model Tracker fitted: its lme4 call carries the formula the fitter stored.</summary>
public sealed class AnalysisScriptFormulaTests
{
    [Fact]
    public void The_R_script_fits_the_growth_formula_the_fitter_used()
    {
        var model = WillingnessModelFitter.Fit(SimulatedPanel.Input([30, 27, 24]));
        Assert.True(model.Analysis.Growth.Converged, model.Analysis.Growth.Message);

        var script = AnalysisScript.Render(model.Outcome);

        Assert.Contains($"lmer({model.Analysis.Growth.Formula}, data = d, REML = TRUE", script, StringComparison.Ordinal);
        Assert.Contains($"Growth model: {model.Analysis.Growth.Formula} (REML)", script, StringComparison.Ordinal);
    }
}
