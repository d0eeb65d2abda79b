using System.Text.Json;

namespace Tracker.Analysis.Tests;

/// <summary>
/// Every section of the panel analysis against R on every reference case (Reference/cases.tsv):
/// lme4 for growth, nls for decay, reference.R's formulas for persistence, survfit for retention.
/// </summary>
public class PanelReferenceTests
{
    [Theory]
    [MemberData(nameof(FittedCases))]
    public void Growth_matches_lme4(string name)
    {
        var (reference, report) = Run(name);
        var growth = reference.GetProperty("growth");
        var fit = report.Growth.Fit;
        Assert.NotNull(fit);
        // On lme4's boundary (correlation at ±1) the likelihood ridge is flat: only the criterion and fixed effects are pinned.
        var boundary = ReferenceCase.Get(name).Kind == "boundary";
        PeerAssert.Growth(growth, fit, boundary);
        Assert.Equal(boundary, fit.Singular);
        Assert.True(fit.Converged, fit.Message);
    }

    public static TheoryData<string> FittedCases => ReferenceCase.Named("interior", "boundary");

    public static TheoryData<string> AllCases => ReferenceCase.Named("interior", "boundary", "unidentifiable");

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Decay_matches_nls(string name)
    {
        var (reference, report) = Run(name);
        var expected = reference.GetProperty("decay");
        var decay = report.Decay;
        if (expected.TryGetProperty("converged", out var converged) && !converged.GetBoolean())
        {
            Assert.False(decay.Converged, $"R's nls failed ({expected.GetProperty("message").GetString()}) but Tracker reported a curve");
            Assert.False(string.IsNullOrWhiteSpace(decay.Message));
            Assert.Null(decay.Plateau);
            return;
        }
        Assert.True(decay.Converged, decay.Message);
        foreach (var (key, actual) in new[] { ("plateau", decay.Plateau!), ("initial", decay.Initial!), ("rate", decay.Rate!), ("half_life", decay.HalfLife!) })
        {
            PeerAssert.Relative(expected.GetProperty(key).GetProperty("estimate").GetDouble(), actual.Estimate, PeerAssert.DecayRelative, $"{key} estimate");
            PeerAssert.Relative(expected.GetProperty(key).GetProperty("se").GetDouble(), actual.StandardError, PeerAssert.DecayRelative, $"{key} se");
        }
        PeerAssert.Relative(expected.GetProperty("rss").GetDouble(), decay.Rss!.Value, PeerAssert.DecayRelative, "rss");
        PeerAssert.Relative(expected.GetProperty("sigma").GetDouble(), decay.Sigma!.Value, PeerAssert.DecayRelative, "sigma");
        Assert.Equal(expected.GetProperty("n").GetInt32(), decay.Observations);
        Assert.Equal(decay.Observations - 3, decay.Df);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Persistence_matches_the_cluster_robust_reference(string name)
    {
        var (reference, report) = Run(name);
        var expected = reference.GetProperty("persistence");
        var persistence = report.Persistence;
        if (expected.TryGetProperty("converged", out _))
        {
            Assert.False(persistence.Estimable);
            Assert.False(string.IsNullOrWhiteSpace(persistence.Message));
            return;
        }
        Assert.True(persistence.Estimable, persistence.Message);
        Assert.Equal(expected.GetProperty("n_pairs").GetInt32(), persistence.Pairs);
        Assert.Equal(expected.GetProperty("n_groups").GetInt32(), persistence.Groups);
        PeerAssert.Relative(expected.GetProperty("rho").GetProperty("estimate").GetDouble(), persistence.Rho!.Estimate, PeerAssert.Exact, "rho");
        PeerAssert.Relative(expected.GetProperty("rho").GetProperty("se").GetDouble(), persistence.Rho.StandardError, PeerAssert.Exact, "rho se");
        PeerAssert.Relative(expected.GetProperty("intercept").GetProperty("estimate").GetDouble(), persistence.Intercept!.Estimate, PeerAssert.Exact, "intercept");
        PeerAssert.Relative(expected.GetProperty("intercept").GetProperty("se").GetDouble(), persistence.Intercept.StandardError, PeerAssert.Exact, "intercept se");
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Retention_matches_survfit(string name)
    {
        var (reference, report) = Run(name);
        var expected = reference.GetProperty("retention");
        var retention = report.Retention;
        Assert.Equal(expected.GetProperty("final_wave").GetDouble(), retention.FinalWave);
        Assert.Equal(expected.GetProperty("n").GetInt32(), retention.Participants);
        var curve = expected.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal(curve.Count, retention.Points.Count);
        for (var i = 0; i < curve.Count; i++)
        {
            var point = retention.Points[i];
            Assert.Equal(curve[i].GetProperty("wave").GetDouble(), point.Wave);
            Assert.Equal(curve[i].GetProperty("at_risk").GetInt32(), point.AtRisk);
            Assert.Equal(curve[i].GetProperty("events").GetInt32(), point.Events);
            PeerAssert.Absolute(curve[i].GetProperty("survival").GetDouble(), point.Survival, PeerAssert.Exact, $"survival at wave {point.Wave}");
            PeerAssert.Absolute(curve[i].GetProperty("se").GetDouble(), point.StandardError, PeerAssert.Exact, $"se at wave {point.Wave}");
        }
    }

    [Theory]
    [MemberData(nameof(Unidentifiable))]
    public void Models_lme4_cannot_identify_are_reported_not_fitted(string name)
    {
        var (_, report) = Run(name);
        Assert.Null(report.Growth.Fit);
        Assert.False(string.IsNullOrWhiteSpace(report.Growth.Problem));
    }

    public static TheoryData<string> Unidentifiable => ReferenceCase.Named("unidentifiable");

    private static (JsonElement Reference, PanelReport Report) Run(string name)
    {
        var @case = ReferenceCase.Get(name);
        return (ReferenceData.Json(@case.ReferenceFile), PanelAnalysis.Analyze(ReferenceData.Table(@case.Data), @case.Options));
    }
}
