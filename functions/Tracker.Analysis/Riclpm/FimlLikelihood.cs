using System.Runtime.CompilerServices;
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
    // Fully optimised from the first call (here and in the other hot loops of Riclpm/): a fit calls each only tens of
    // times, so tiered compilation would run them as unoptimised tier-0 code for most of a CLI process's life.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>Where Σ[a, b] (a ≥ b) sits among the moments (μ first, then the lower triangle of Σ row by row).</summary>
    public static int MomentIndex(int p, int a, int b) => p + a * (a + 1) / 2 + b;

    /// <summary>How many moments: p means and p(p+1)/2 covariances.</summary>
    public static int Moments(int p) => p + p * (p + 1) / 2;

    /// <summary>
    /// The exact Hessian of −log L with respect to the moments (<see cref="MomentIndex"/> order), summed per pattern:
    /// with W = Σₒ⁻¹, P = W(S + d d')W and u = W d, the second derivative along symmetric directions E₁, E₂ of Σ is
    /// n·[tr(W E₂ P E₁) − ½ tr(W E₂ W E₁)], along μ and Σ n·e′W E u, along μ and μ n·W. Null where some pattern's Σₒ
    /// is not positive definite. Costs one pass over the patterns, where differencing the gradient costs one per moment.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[]? Hessian(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma)
    {
        var p = Patterns.Variables;
        var m = Moments(p);
        var hessian = new double[m * m];
        foreach (var g in Patterns.Patterns)
        {
            var observed = g.Observed;
            var o = observed.Length;
            var factor = new double[o * o];
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++) factor[a * o + b] = sigma[observed[a] * p + observed[b]];
            if (!SmallMatrix.CholeskyInPlace(factor, o)) return null;
            var w = SmallMatrix.InverseFromCholesky(factor, o);
            var d = new double[o];
            for (var a = 0; a < o; a++) d[a] = g.Mean[a] - mu[observed[a]];
            var scatter = new double[o * o];
            for (var a = 0; a < o; a++)
                for (var b = 0; b < o; b++) scatter[a * o + b] = g.Scatter[a * o + b] + d[a] * d[b];
            var pw = Multiply(Multiply(w, scatter, o), w, o);
            var r = new double[o * o];
            for (var i = 0; i < r.Length; i++) r[i] = pw[i] - 0.5 * w[i];
            var u = new double[o];
            for (var a = 0; a < o; a++)
                for (var b = 0; b < o; b++) u[a] += w[a * o + b] * d[b];
            double n = g.Count;

            // The pattern's covariance elements (a ≥ b) with their global moment index.
            var elements = new List<(int A, int B, int Global)>(o * (o + 1) / 2);
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++) elements.Add((a, b, MomentIndex(p, observed[a], observed[b])));

            foreach (var (a, b, row) in elements)
            {
                // E₁ = eₐe_b′ + e_be_a′ (a ≠ b) or eₐeₐ′: tr(W E₂ R E₁) over both orientations of each.
                foreach (var (c, dd, column) in elements)
                {
                    var value = Term(w, r, o, a, b, c, dd);
                    if (a != b) value += Term(w, r, o, b, a, c, dd);
                    hessian[row * m + column] += n * value;
                }
                for (var c = 0; c < o; c++)
                {
                    var value = w[c * o + a] * u[b];
                    if (a != b) value += w[c * o + b] * u[a];
                    hessian[row * m + observed[c]] += n * value;
                    hessian[observed[c] * m + row] += n * value;
                }
            }
            for (var a = 0; a < o; a++)
                for (var b = 0; b < o; b++) hessian[observed[a] * m + observed[b]] += n * w[a * o + b];
        }
        return hessian;
    }

    /// <summary>tr(W E₂ R E₁) for E₁ = eᵢeⱼ′ and E₂ = e_c e_d′ (+ e_d e_c′ when c ≠ d): W[j, c]·R[d, i] (+ W[j, d]·R[c, i]).</summary>
    private static double Term(double[] w, double[] r, int o, int i, int j, int c, int d)
    {
        var value = w[j * o + c] * r[d * o + i];
        if (c != d) value += w[j * o + d] * r[c * o + i];
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
