using System.Runtime.CompilerServices;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The full-information normal log-likelihood of incomplete data (lavaan's <c>missing = "ml"</c>):
/// each participant contributes the density of the scores they gave under the model's mean and
/// covariance restricted to those scores. Summed per missing-data pattern from its count, mean and
/// scatter — n/2·[k·log 2π + log|Σₒ| + tr(Σₒ⁻¹(S + d d'))] with d the pattern mean minus μₒ — and
/// differentiated with respect to μ and Σ, from which every model's gradient follows by the chain rule.
/// The patterns are summed in two fixed halves (<see cref="PatternSplit"/>) on two cores, each half with its own
/// scratch space and accumulators, so a pass allocates nothing and its result does not depend on thread timing.
/// Not safe for concurrent calls on one instance (the scratch space is shared between calls).
/// </summary>
internal sealed class FimlLikelihood
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    private readonly PatternSplit _split;
    private readonly PatternScratch[] _scratch;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _values = new double[PatternSplit.Parts];
    private readonly double[][] _gradientMu;
    private readonly double[][] _gradientSigma;
    private readonly double[][] _hessian;

    public FimlLikelihood(MissingPatterns patterns, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = patterns;
        var p = patterns.Variables;
        _split = new PatternSplit(patterns.Patterns) { Parallel = parallel && Environment.ProcessorCount > 1 };
        var widest = patterns.Patterns.Count == 0 ? 1 : patterns.Patterns.Max(g => g.Observed.Length);
        _scratch = Enumerable.Range(0, PatternSplit.Parts).Select(_ => new PatternScratch(widest)).ToArray();
        _mu = new double[p];
        _sigma = new double[p * p];
        _gradientMu = Enumerable.Range(0, PatternSplit.Parts).Select(_ => new double[p]).ToArray();
        _gradientSigma = Enumerable.Range(0, PatternSplit.Parts).Select(_ => new double[p * p]).ToArray();
        var m = Moments(p);
        _hessian = Enumerable.Range(0, PatternSplit.Parts).Select(_ => new double[m * m]).ToArray();
    }

    public MissingPatterns Patterns { get; }

    /// <summary>
    /// −log L at mean mu and covariance sigma (p×p row-major), or +∞ when sigma restricted to some
    /// pattern is not positive definite. When gradients are given they receive ∂(−log L)/∂μ and
    /// ∂(−log L)/∂Σ (symmetric, each element treated as free).
    /// </summary>
    public double NegativeLogLikelihood(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, Span<double> gradientMu, Span<double> gradientSigma)
    {
        var withGradient = !gradientSigma.IsEmpty;
        mu.CopyTo(_mu);
        sigma.CopyTo(_sigma);
        _split.Run(part => _values[part] = PartValue(part, withGradient));
        var total = _values[0] + _values[1];
        if (!double.IsFinite(total)) return double.PositiveInfinity;
        if (withGradient)
        {
            for (var i = 0; i < gradientMu.Length; i++) gradientMu[i] = _gradientMu[0][i] + _gradientMu[1][i];
            for (var i = 0; i < gradientSigma.Length; i++) gradientSigma[i] = _gradientSigma[0][i] + _gradientSigma[1][i];
        }
        return total;
    }

    // Fully optimised from the first call (here and in the other hot loops of Riclpm/): a fit calls each only tens of
    // times, so tiered compilation would run them as unoptimised tier-0 code for most of a CLI process's life.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double PartValue(int part, bool withGradient)
    {
        var p = Patterns.Variables;
        var all = Patterns.Patterns;
        var scratch = _scratch[part];
        var gradientMu = _gradientMu[part];
        var gradientSigma = _gradientSigma[part];
        if (withGradient)
        {
            Array.Clear(gradientMu);
            Array.Clear(gradientSigma);
        }
        var mu = _mu;
        var sigma = _sigma;
        var total = 0.0;
        foreach (var index in _split.Part(part))
        {
            var g = all[index];
            var observed = g.Observed;
            var o = observed.Length;
            if (!scratch.Invert(sigma, p, observed, out var logDet)) return double.PositiveInfinity;
            var w = scratch.W;
            var d = scratch.D;
            var u = scratch.U;
            var scatter = g.Scatter;
            for (var a = 0; a < o; a++) d[a] = g.Mean[a] - mu[observed[a]];
            // tr(W (S + d d')) = Σ W∘S + d′u with u = W d.
            var trace = 0.0;
            for (var a = 0; a < o; a++)
            {
                var ua = 0.0;
                for (var b = 0; b < o; b++)
                {
                    ua += w[a * o + b] * d[b];
                    trace += w[a * o + b] * scatter[a * o + b];
                }
                u[a] = ua;
                trace += d[a] * ua;
            }
            double n = g.Count;
            total += 0.5 * n * (o * LogTwoPi + logDet + trace);
            if (!withGradient) continue;

            // ∂/∂Σₒ = n/2 (W − W S W − u u′); a single participant's scatter is zero, so W S W is skipped there.
            var withScatter = g.Count > 1;
            var t = scratch.T;
            if (withScatter) Multiply(w, scatter, t, o);
            for (var a = 0; a < o; a++)
            {
                var row = observed[a] * p;
                for (var b = 0; b <= a; b++)
                {
                    var wsw = 0.0;
                    if (withScatter)
                        for (var k = 0; k < o; k++) wsw += t[a * o + k] * w[k * o + b];
                    var value = 0.5 * n * (w[a * o + b] - wsw - u[a] * u[b]);
                    gradientSigma[row + observed[b]] += value;
                    if (a != b) gradientSigma[observed[b] * p + observed[a]] += value;
                }
                gradientMu[observed[a]] -= n * u[a];
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
    public double[]? Hessian(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma)
    {
        mu.CopyTo(_mu);
        sigma.CopyTo(_sigma);
        _split.Run(part => _values[part] = PartHessian(part) ? 0 : double.PositiveInfinity);
        if (!double.IsFinite(_values[0] + _values[1])) return null;
        var m = Moments(Patterns.Variables);
        var hessian = new double[m * m];
        // Each half filled the lower triangle (moment order follows the patterns' ascending variables); add and mirror.
        for (var r = 0; r < m; r++)
            for (var c = 0; c <= r; c++)
            {
                var value = _hessian[0][r * m + c] + _hessian[1][r * m + c];
                hessian[r * m + c] = value;
                hessian[c * m + r] = value;
            }
        return hessian;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool PartHessian(int part)
    {
        var p = Patterns.Variables;
        var m = Moments(p);
        var all = Patterns.Patterns;
        var scratch = _scratch[part];
        var hessian = _hessian[part];
        Array.Clear(hessian);
        var mu = _mu;
        var sigma = _sigma;
        foreach (var index in _split.Part(part))
        {
            var g = all[index];
            var observed = g.Observed;
            var o = observed.Length;
            if (!scratch.Invert(sigma, p, observed, out _)) return false;
            var w = scratch.W;
            var d = scratch.D;
            var u = scratch.U;
            var t = scratch.T;
            var r = scratch.R;
            for (var a = 0; a < o; a++) d[a] = g.Mean[a] - mu[observed[a]];
            for (var a = 0; a < o; a++)
            {
                var ua = 0.0;
                for (var b = 0; b < o; b++) ua += w[a * o + b] * d[b];
                u[a] = ua;
            }
            // R = W S W + u u′ − ½ W  (= P − ½ W).
            if (g.Count > 1) Multiply(w, g.Scatter, t, o);
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++)
                {
                    var wsw = 0.0;
                    if (g.Count > 1)
                        for (var k = 0; k < o; k++) wsw += t[a * o + k] * w[k * o + b];
                    r[a * o + b] = r[b * o + a] = wsw + u[a] * u[b] - 0.5 * w[a * o + b];
                }
            double n = g.Count;

            // The pattern's covariance elements (a ≥ b), in moment order, with their global index.
            var elementA = scratch.ElementA;
            var elementB = scratch.ElementB;
            var global = scratch.Global;
            var count = 0;
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++)
                {
                    elementA[count] = a;
                    elementB[count] = b;
                    global[count] = MomentIndex(p, observed[a], observed[b]);
                    count++;
                }

            for (var e = 0; e < count; e++)
            {
                int a = elementA[e], b = elementB[e], row = global[e];
                var rowOffset = row * m;
                // E₁ = eₐe_b′ + e_be_a′ (a ≠ b) or eₐeₐ′, E₂ likewise: tr(W E₂ R E₁) over both orientations of each;
                // only columns up to the row (the lower triangle), mirrored once at the end.
                for (var f = 0; f <= e; f++)
                {
                    int c = elementA[f], dd = elementB[f];
                    var value = w[b * o + c] * r[dd * o + a];
                    if (c != dd) value += w[b * o + dd] * r[c * o + a];
                    if (a != b)
                    {
                        value += w[a * o + c] * r[dd * o + b];
                        if (c != dd) value += w[a * o + dd] * r[c * o + b];
                    }
                    hessian[rowOffset + global[f]] += n * value;
                }
                // (Σ, μ): moment rows of Σ lie after every μ, so this is already the lower triangle.
                for (var c = 0; c < o; c++)
                {
                    var value = w[c * o + a] * u[b];
                    if (a != b) value += w[c * o + b] * u[a];
                    hessian[rowOffset + observed[c]] += n * value;
                }
            }
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++) hessian[observed[a] * m + observed[b]] += n * w[a * o + b];
        }
        return true;
    }

    /// <summary>result = x·y for n×n row-major matrices (result distinct from both).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Multiply(double[] x, double[] y, double[] result, int n)
    {
        Array.Clear(result, 0, n * n);
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var xik = x[i * n + k];
                if (xik == 0) continue;
                for (var j = 0; j < n; j++) result[i * n + j] += xik * y[k * n + j];
            }
    }
}
