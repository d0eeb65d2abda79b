using System.Runtime.CompilerServices;
namespace Tracker.Analysis.Riclpm;

/// <summary>
/// Means and covariances from every participant who gave the scores concerned (pairwise available
/// cases), computed from the missing-data patterns. Only starting values are taken from them.
/// </summary>
internal static class PairwiseMoments
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Mean, double[] Covariance) Compute(MissingPatterns patterns)
    {
        var p = patterns.Variables;
        var count = new double[p * p];
        var sumA = new double[p * p];
        var sumB = new double[p * p];
        var sumAb = new double[p * p];
        foreach (var g in patterns.Patterns)
        {
            var o = g.Observed.Length;
            for (var a = 0; a < o; a++)
                for (var b = 0; b < o; b++)
                {
                    var cell = g.Observed[a] * p + g.Observed[b];
                    count[cell] += g.Count;
                    sumA[cell] += g.Count * g.Mean[a];
                    sumB[cell] += g.Count * g.Mean[b];
                    sumAb[cell] += g.Count * (g.Scatter[a * o + b] + g.Mean[a] * g.Mean[b]);
                }
        }
        var mean = new double[p];
        var covariance = new double[p * p];
        for (var a = 0; a < p; a++)
        {
            mean[a] = sumA[a * p + a] / count[a * p + a];
            for (var b = 0; b < p; b++)
            {
                var cell = a * p + b;
                covariance[cell] = count[cell] > 0 ? sumAb[cell] / count[cell] - sumA[cell] / count[cell] * (sumB[cell] / count[cell]) : 0;
            }
        }
        return (mean, covariance);
    }
}
