using System.Runtime.CompilerServices;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The unrestricted model (free means and covariances) under the same full-information likelihood:
/// the yardstick of χ². Fitted by EM over the missing-data patterns (as lavaan does), then finished
/// with Newton steps so the maximum is exact rather than within EM's slow final crawl.
/// </summary>
internal static class SaturatedModel
{
    public static double MaximumLogLikelihood(FimlLikelihood likelihood, CancellationToken cancellationToken) =>
        MaximumLogLikelihood(likelihood, null, null, cancellationToken);

    /// <summary>
    /// As above, with EM started from a given mean and covariance (p×p, positive definite): a fitted model's implied
    /// moments are already close to the unrestricted maximum, so EM needs a few steps instead of tens. The maximum is
    /// the same from any start; only the number of steps to reach it changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaximumLogLikelihood(FimlLikelihood likelihood, double[]? startMu, double[]? startSigma, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        var patterns = likelihood.Patterns;
        var p = patterns.Variables;
        double[] mu, sigma;
        if (startMu is not null && startSigma is not null)
        {
            mu = (double[])startMu.Clone();
            sigma = (double[])startSigma.Clone();
        }
        else
        {
            (mu, sigma) = PairwiseMoments.Compute(patterns);
            // Pairwise covariances need not be positive definite: start from their diagonal.
            for (var a = 0; a < p; a++)
                for (var b = 0; b < p; b++) if (a != b) sigma[a * p + b] = 0;
        }

        var previous = double.PositiveInfinity;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = likelihood.NegativeLogLikelihood(mu, sigma, default, default);
            if (Math.Abs(previous - value) < 1e-7 * Math.Max(1, Math.Abs(value))) break;
            previous = value;
            if (!EmStep(patterns, mu, sigma)) break;
        }

        // Newton on θ = (μ, lower triangle of Σ).
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < p; a++)
            for (var b = 0; b <= a; b++) pairs.Add((a, b));
        var start = new double[p + pairs.Count];
        Array.Copy(mu, start, p);
        for (var k = 0; k < pairs.Count; k++) start[p + k] = sigma[pairs[k].A * p + pairs[k].B];
        var n = patterns.Participants;
        var gMu = new double[p];
        var gSigma = new double[p * p];
        var sigmaTrial = new double[p * p];
        double Objective(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            for (var k = 0; k < pairs.Count; k++)
                sigmaTrial[pairs[k].A * p + pairs[k].B] = sigmaTrial[pairs[k].B * p + pairs[k].A] = theta[p + k];
            var value = likelihood.NegativeLogLikelihood(theta[..p], sigmaTrial, gMu, gSigma);
            for (var a = 0; a < p; a++) gradient[a] = gMu[a] / n;
            for (var k = 0; k < pairs.Count; k++)
                gradient[p + k] = (pairs[k].A == pairs[k].B ? 1 : 2) * gSigma[pairs[k].A * p + pairs[k].B] / n;
            return value / n;
        }
        double[]? Exact(double[] theta)
        {
            for (var k = 0; k < pairs.Count; k++)
                sigmaTrial[pairs[k].A * p + pairs[k].B] = sigmaTrial[pairs[k].B * p + pairs[k].A] = theta[p + k];
            var hessian = likelihood.Hessian(theta.AsSpan(0, p), sigmaTrial);
            if (hessian is null) return null;
            for (var i = 0; i < hessian.Length; i++) hessian[i] /= n;
            return hessian;
        }
        // From EM's end point Newton on the exact Hessian converges in a few steps; BFGS only if it stalls.
        var result = LikelihoodMaximizer.Minimize(Objective, start, cancellationToken, maxIterations: 2000, withHessian: false, exactHessian: Exact, newtonFirst: true);
        return -result.Value * n;
    }

    /// <summary>One EM iteration in place: expected complete-data sums per pattern, then their moments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool EmStep(MissingPatterns patterns, double[] mu, double[] sigma)
    {
        var p = patterns.Variables;
        var t1 = new double[p];
        var t2 = new double[p * p];
        foreach (var g in patterns.Patterns)
        {
            var o = g.Observed;
            var missing = Enumerable.Range(0, p).Except(o).ToArray();
            var no = o.Length;
            var nm = missing.Length;
            double n = g.Count;
            // Pattern sums of the observed scores and their cross-products.
            var sumO = new double[no];
            var sumOo = new double[no * no];
            for (var a = 0; a < no; a++)
            {
                sumO[a] = n * g.Mean[a];
                for (var b = 0; b < no; b++) sumOo[a * no + b] = n * (g.Scatter[a * no + b] + g.Mean[a] * g.Mean[b]);
            }
            for (var a = 0; a < no; a++)
            {
                t1[o[a]] += sumO[a];
                for (var b = 0; b < no; b++) t2[o[a] * p + o[b]] += sumOo[a * no + b];
            }
            if (nm == 0) continue;

            // Regression of the missing on the observed scores: ŷₘ = c + K yₒ, residual covariance V.
            var factor = new double[no * no];
            for (var a = 0; a < no; a++)
                for (var b = 0; b < no; b++) factor[a * no + b] = sigma[o[a] * p + o[b]];
            if (!SmallMatrix.CholeskyInPlace(factor, no)) return false;
            var inverse = SmallMatrix.InverseFromCholesky(factor, no);
            var k = new double[nm * no];
            for (var m = 0; m < nm; m++)
                for (var b = 0; b < no; b++)
                {
                    var sum = 0.0;
                    for (var a = 0; a < no; a++) sum += sigma[missing[m] * p + o[a]] * inverse[a * no + b];
                    k[m * no + b] = sum;
                }
            var c = new double[nm];
            for (var m = 0; m < nm; m++)
            {
                var sum = mu[missing[m]];
                for (var a = 0; a < no; a++) sum -= k[m * no + a] * mu[o[a]];
                c[m] = sum;
            }
            var ksum = new double[nm];       // K Σ yₒ
            var kSoo = new double[nm * no];  // K Σ yₒyₒ'
            for (var m = 0; m < nm; m++)
            {
                for (var a = 0; a < no; a++)
                {
                    ksum[m] += k[m * no + a] * sumO[a];
                    for (var b = 0; b < no; b++) kSoo[m * no + b] += k[m * no + a] * sumOo[a * no + b];
                }
            }
            for (var m = 0; m < nm; m++)
            {
                var mm = missing[m];
                t1[mm] += n * c[m] + ksum[m];
                for (var b = 0; b < no; b++)
                {
                    var cross = c[m] * sumO[b] + kSoo[m * no + b];
                    t2[mm * p + o[b]] += cross;
                    t2[o[b] * p + mm] += cross;
                }
                for (var m2 = 0; m2 < nm; m2++)
                {
                    var residual = sigma[mm * p + missing[m2]];
                    for (var a = 0; a < no; a++) residual -= k[m * no + a] * sigma[o[a] * p + missing[m2]];
                    var kSooKt = 0.0;
                    for (var b = 0; b < no; b++) kSooKt += kSoo[m * no + b] * k[m2 * no + b];
                    t2[mm * p + missing[m2]] += n * residual + n * c[m] * c[m2] + c[m] * ksum[m2] + ksum[m] * c[m2] + kSooKt;
                }
            }
        }
        double total = patterns.Participants;
        for (var a = 0; a < p; a++) mu[a] = t1[a] / total;
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++) sigma[a * p + b] = t2[a * p + b] / total - mu[a] * mu[b];
        return true;
    }
}
