using System.Text.Json;
using Tracker.Analysis.Riclpm;

namespace Tracker.Analysis.Tests;

/// <summary>
/// lavaan's RI-CLPM reference fits (Reference/riclpm/*.ref.json, made by make_riclpm_cases.R) and the
/// agreement tolerances every consumer of them holds Tracker to.
/// </summary>
public static class RiclpmReference
{
    public const double EstimateTolerance = 1e-3;
    public const double RelativeStandardErrorTolerance = 0.01;
    public const double LogLikelihoodTolerance = 1e-3;
    public const double ChiSquareTolerance = 1e-2;
    public const double IndexTolerance = 1e-3;

    public static readonly string[] Cases = ["two_free", "two_equal", "three_free", "unasked_wave", "near_boundary"];

    public static JsonElement Json(string name) => ReferenceData.Json(Path.Combine("riclpm", name + ".ref.json"));

    public static RiclpmSpecification Specification(JsonElement reference) => new(
        reference.GetProperty("constructs").EnumerateArray().Select(c => c.GetString()!).ToArray(),
        reference.GetProperty("equal").GetBoolean());

    /// <summary>Asserts fit measures and every parameter lavaan lists with a standard error against Tracker's values.</summary>
    public static void AssertAgrees(JsonElement reference, RiclpmFitMeasures fit, IReadOnlyList<(string Lhs, string Op, string Rhs, double Est, double Se)> parameters)
    {
        var expected = reference.GetProperty("fit");
        Assert.Equal(expected.GetProperty("npar").GetDouble(), fit.Parameters);
        Assert.Equal(expected.GetProperty("df").GetDouble(), fit.DegreesOfFreedom);
        Assert.Equal(expected.GetProperty("ntotal").GetDouble(), fit.Participants);
        Near("logl", expected.GetProperty("logl").GetDouble(), fit.LogLikelihood, LogLikelihoodTolerance);
        Near("chisq", expected.GetProperty("chisq").GetDouble(), fit.ChiSquare, ChiSquareTolerance);
        Near("cfi", expected.GetProperty("cfi").GetDouble(), fit.Cfi, IndexTolerance);
        Near("rmsea", expected.GetProperty("rmsea").GetDouble(), fit.Rmsea, IndexTolerance);

        var lavaan = reference.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(lavaan.Count, parameters.Count);
        foreach (var row in lavaan)
        {
            var (lhs, op, rhs) = (row.GetProperty("lhs").GetString()!, row.GetProperty("op").GetString()!, row.GetProperty("rhs").GetString()!);
            var match = parameters.Where(p => p.Op == op && ((p.Lhs == lhs && p.Rhs == rhs) || (op == "~~" && p.Lhs == rhs && p.Rhs == lhs))).ToList();
            Assert.True(match.Count == 1, $"Tracker has {match.Count} rows for lavaan's {lhs} {op} {rhs}");
            var label = $"{lhs} {op} {rhs}";
            Near(label, row.GetProperty("est").GetDouble(), match[0].Est, EstimateTolerance);
            var se = row.GetProperty("se").GetDouble();
            Assert.True(Math.Abs(match[0].Se - se) <= RelativeStandardErrorTolerance * se,
                $"se of {label}: lavaan {se:G6}, Tracker {match[0].Se:G6} (differs by {Math.Abs(match[0].Se - se) / se:P2})");
        }
    }

    /// <summary>The largest deviations from lavaan (estimates, relative SEs, logl, χ², CFI, RMSEA) — the figures of the agreement table.</summary>
    public static double[] Deviations(JsonElement reference, RiclpmFit fit)
    {
        var expected = reference.GetProperty("fit");
        var estimate = 0.0;
        var se = 0.0;
        foreach (var row in reference.GetProperty("parameters").EnumerateArray())
        {
            var (lhs, op, rhs) = (row.GetProperty("lhs").GetString()!, row.GetProperty("op").GetString()!, row.GetProperty("rhs").GetString()!);
            var match = fit.Parameters.Single(p => p.Op == op && ((p.Lhs == lhs && p.Rhs == rhs) || (op == "~~" && p.Lhs == rhs && p.Rhs == lhs)));
            estimate = Math.Max(estimate, Math.Abs(match.Estimate - row.GetProperty("est").GetDouble()));
            se = Math.Max(se, Math.Abs(match.StandardError / row.GetProperty("se").GetDouble() - 1));
        }
        var measures = fit.Fit!;
        return
        [
            estimate, se,
            Math.Abs(measures.LogLikelihood - expected.GetProperty("logl").GetDouble()),
            Math.Abs(measures.ChiSquare - expected.GetProperty("chisq").GetDouble()),
            Math.Abs(measures.Cfi - expected.GetProperty("cfi").GetDouble()),
            Math.Abs(measures.Rmsea - expected.GetProperty("rmsea").GetDouble()),
        ];
    }

    private static void Near(string what, double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: lavaan {expected:G8}, Tracker {actual:G8} (tolerance {tolerance:G2})");
}
