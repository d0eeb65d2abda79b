using System.Text.Json;
using Tracker.Analysis.Growth;

namespace Tracker.Analysis.Tests;

/// <summary>The tolerances for agreeing with the statistical peers, in one place.</summary>
internal static class PeerAssert
{
    public const double FixedInSe = 1e-3;
    public const double SeRelative = 1e-3;
    public const double SdRelative = 1e-3;
    public const double Correlation = 2e-3;
    public const double Criterion = 1e-3;
    public const double DecayRelative = 1e-4;
    public const double Exact = 1e-8;

    /// <summary>Variance parameters of a boundary fit sit on a flat likelihood ridge: only loosely determined.</summary>
    public const double BoundarySdRelative = 0.05;
    public const double BoundaryCorrelation = 0.02;

    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E1})");
    }

    public static void Absolute(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2} > {tolerance:E1})");
    }

    public static void Growth(JsonElement reference, GrowthFit fit, bool boundary)
    {
        Assert.Equal(reference.GetProperty("n_obs").GetInt32(), fit.Observations);
        Assert.Equal(reference.GetProperty("n_groups").GetInt32(), fit.Groups);

        var criterion = reference.GetProperty("reml_criterion").GetDouble();
        Assert.True(fit.RemlCriterion <= criterion + Criterion,
            $"REML criterion {fit.RemlCriterion:R} is worse than lme4's {criterion:R} by more than {Criterion}");
        Absolute(criterion, fit.RemlCriterion, Criterion, "REML criterion");

        var names = reference.GetProperty("fixed").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names, fit.Fixed.Select(f => f.Name).ToList());
        foreach (var property in reference.GetProperty("fixed").EnumerateObject())
        {
            var effect = fit[property.Name];
            var se = property.Value.GetProperty("se").GetDouble();
            Absolute(property.Value.GetProperty("estimate").GetDouble(), effect.Estimate, FixedInSe * se, $"fixed {property.Name} estimate");
            Relative(se, effect.StandardError, SeRelative, $"fixed {property.Name} se");
            Relative(property.Value.GetProperty("t").GetDouble(), effect.T, 2 * SeRelative, $"fixed {property.Name} t");
        }

        var random = reference.GetProperty("random");
        var sdTolerance = boundary ? BoundarySdRelative : SdRelative;
        Relative(random.GetProperty("sd_residual").GetDouble(), fit.Random.SdResidual, SdRelative, "sd_residual");
        if (random.TryGetProperty("sd_intercept", out var sdIntercept) && sdIntercept.ValueKind == JsonValueKind.Number)
            Relative(sdIntercept.GetDouble(), fit.Random.SdIntercept!.Value, sdTolerance, "sd_intercept");
        else
            Assert.Null(fit.Random.SdIntercept);
        if (random.TryGetProperty("sd_slope", out var sdSlope))
            Relative(sdSlope.GetDouble(), fit.Random.SdSlope!.Value, sdTolerance, "sd_slope");
        else
            Assert.Null(fit.Random.SdSlope);
        if (random.TryGetProperty("corr", out var corr))
            Absolute(corr.GetDouble(), fit.Random.Correlation!.Value, boundary ? BoundaryCorrelation : Correlation, "corr");
        else
            Assert.Null(fit.Random.Correlation);
    }
}
