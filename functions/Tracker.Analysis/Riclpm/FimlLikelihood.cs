using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The full-information normal log-likelihood of incomplete data (lavaan's <c>missing = "ml"</c>):
/// each participant contributes the density of the scores they gave under the model's mean and
/// covariance restricted to those scores. Summed per missing-data pattern from its count, mean and
/// scatter — n/2·[k·log 2π + log|Σₒ| + tr(Σₒ⁻¹(S + d d'))] with d the pattern mean minus μₒ — and
/// differentiated with respect to μ and Σ, from which every model's gradient follows by the chain rule.
/// </summary>
internal sealed class FimlLikelihood(MissingPatterns patterns)
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    public MissingPatterns Patterns { get; } = patterns;

    /// <summary>
    /// −log L at mean mu and covariance sigma (p×p row-major), or +∞ when sigma restricted to some
    /// pattern is not positive definite. When gradients are given they receive ∂(−log L)/∂μ and
    /// ∂(−log L)/∂Σ (symmetric, each element treated as free).
    /// </summary>
    public double NegativeLogLikelihood(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, Span<double> gradientMu, Span<double> gradientSigma)
    {
        var p = Patterns.Variables;
        var withGradient = !gradientSigma.IsEmpty;
        if (withGradient)
        {
            gradientMu.Clear();
            gradientSigma.Clear();
        }
        var total = 0.0;
        foreach (var g in Patterns.Patterns)
        {
            var observed = g.Observed;
            var o = observed.Length;
            var factor = new double[o * o];
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++) factor[a * o + b] = sigma[observed[a] * p + observed[b]];
            if (!SmallMatrix.CholeskyInPlace(factor, o)) return double.PositiveInfinity;
            var logDet = 0.0;
            for (var a = 0; a < o; a++) logDet += 2 * Math.Log(factor[a * o + a]);
            var inverse = SmallMatrix.InverseFromCholesky(factor, o);

            var d = new double[o];
            for (var a = 0; a < o; a++) d[a] = g.Mean[a] - mu[observed[a]];
            // M = S + d d'; tr(Σ⁻¹ M) and, for the gradient, Σ⁻¹ M Σ⁻¹.
            var m = new double[o * o];
            for (var a = 0; a < o; a++)
                for (var b = 0; b < o; b++) m[a * o + b] = g.Scatter[a * o + b] + d[a] * d[b];
            var trace = 0.0;
            for (var a = 0; a < o; a++)
                for (var b = 0; b < o; b++) trace += inverse[a * o + b] * m[b * o + a];
            total += 0.5 * g.Count * (o * LogTwoPi + logDet + trace);

            if (!withGradient) continue;
            var wm = Multiply(inverse, m, o);
            var wmw = Multiply(wm, inverse, o);
            for (var a = 0; a < o; a++)
            {
                var wd = 0.0;
                for (var b = 0; b < o; b++)
                {
                    wd += inverse[a * o + b] * d[b];
                    gradientSigma[observed[a] * p + observed[b]] += 0.5 * g.Count * (inverse[a * o + b] - wmw[a * o + b]);
                }
                gradientMu[observed[a]] -= g.Count * wd;
            }
        }
        return total;
    }

    private static double[] Multiply(double[] x, double[] y, int n)
    {
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var xik = x[i * n + k];
                if (xik == 0) continue;
                for (var j = 0; j < n; j++) result[i * n + j] += xik * y[k * n + j];
            }
        return result;
    }
}
