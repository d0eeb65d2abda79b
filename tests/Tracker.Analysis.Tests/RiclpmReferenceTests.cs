using Tracker.Analysis.Riclpm;
using Xunit.Abstractions;

namespace Tracker.Analysis.Tests;

/// <summary>
/// The RI-CLPM against lavaan 0.6 (missing = "ml", observed information) on simulated panels with
/// attrition: two constructs with free and with equal lagged paths, three constructs, a wave in which
/// nobody answered one construct, and random intercepts with variances near zero.
/// </summary>
public class RiclpmReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(RiclpmReference.Cases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_matches_lavaan(string name)
    {
        var reference = RiclpmReference.Json(name);
        var fit = RiclpmModel.Fit(ReferenceData.Table(Path.Combine("riclpm", name + ".csv")), RiclpmReference.Specification(reference));
        if (reference.TryGetProperty("error", out var error))
        {
            Assert.False(fit.Identified, $"lavaan refused ({error.GetString()}) but Tracker reported a fit");
            Assert.StartsWith("not identified", fit.Problem, StringComparison.Ordinal);
            Assert.Empty(fit.Parameters);
            return;
        }
        Assert.True(fit.Identified, fit.Problem);
        RiclpmReference.AssertAgrees(reference, fit.Fit!, fit.Parameters.Select(p => (p.Lhs, p.Op, p.Rhs, p.Estimate, p.StandardError)).ToList());
        output.WriteLine($"{name} max deviations: estimate, relative se, logl, chisq, cfi, rmsea = {string.Join(", ", RiclpmReference.Deviations(reference, fit).Select(d => d.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}");
    }
}
