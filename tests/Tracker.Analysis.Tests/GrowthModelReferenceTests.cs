using Tracker.Analysis.Growth;

namespace Tracker.Analysis.Tests;

/// <summary>The growth model against lme4 (best REML optimum among its optimisers) on the reference data.</summary>
public class GrowthModelReferenceTests
{
    [Theory]
    [InlineData("sleepstudy.csv", "sleepstudy.ref.json")]
    [InlineData("example_panel.csv", "example_panel.plain.ref.json")]
    public void Interior_fits_match_lme4(string data, string reference)
    {
        var growth = ReferenceData.Json(reference).GetProperty("growth");
        var fit = GrowthModel.Fit(ReferenceData.Table(data), growth.GetProperty("formula").GetString()!);

        PeerAssert.Growth(growth, fit, boundary: false);
        Assert.True(fit.Converged);
        Assert.False(fit.Singular);
        Assert.Null(fit.Message);
    }

    [Fact]
    public void Boundary_fit_is_recognised_with_criterion_and_fixed_effects_matching_lme4()
    {
        var growth = ReferenceData.Json("example_panel.ref.json").GetProperty("growth");
        var fit = GrowthModel.Fit(ReferenceData.Table("example_panel.csv"), growth.GetProperty("formula").GetString()!);

        PeerAssert.Growth(growth, fit, boundary: true);
        Assert.True(fit.Singular);
        Assert.Contains("singular", fit.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, Math.Abs(fit.Random.Correlation!.Value), 6);
    }
}
