using System.Runtime.CompilerServices;
namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The baseline of CFI: free means and variances, every covariance zero, under the same
/// full-information likelihood. With no covariances the likelihood factors by variable, so its
/// maximum is each variable's mean and (biased) variance over the participants who gave it.
/// </summary>
internal static class IndependenceModel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaximumLogLikelihood(MissingPatterns patterns)
    {
        var p = patterns.Variables;
        var count = new double[p];
        var sum = new double[p];
        foreach (var g in patterns.Patterns)
            for (var a = 0; a < g.Observed.Length; a++)
            {
                count[g.Observed[a]] += g.Count;
                sum[g.Observed[a]] += g.Count * g.Mean[a];
            }
        var scatter = new double[p];
        foreach (var g in patterns.Patterns)
            for (var a = 0; a < g.Observed.Length; a++)
            {
                var v = g.Observed[a];
                var d = g.Mean[a] - sum[v] / count[v];
                scatter[v] += g.Count * (g.Scatter[a * g.Observed.Length + a] + d * d);
            }
        var logLikelihood = 0.0;
        for (var v = 0; v < p; v++)
        {
            var variance = scatter[v] / count[v];
            logLikelihood -= 0.5 * count[v] * (Math.Log(2 * Math.PI) + Math.Log(variance) + 1);
        }
        return logLikelihood;
    }
}
