using System.Runtime.CompilerServices;
namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The Hessian of the RI-CLPM's −log L in its parameters θ, from the exact Hessian in the moments
/// (one pass over the patterns, <see cref="FimlLikelihood.Hessian"/>) by the second-order chain rule:
/// H = J′ K J + Σₖ gₖ ∂²mₖ/∂θ∂θ′, with J = ∂m/∂θ and g = ∂(−log L)/∂m. Both J and the second term need
/// only the structure (p×p products, no data), so they are taken by central differences of
/// <see cref="RiclpmStructure.Implied"/> and of <see cref="RiclpmStructure.Gradient"/> with g held fixed.
/// This replaces differencing the whole likelihood gradient (two passes over the patterns per parameter).
/// </summary>
internal sealed class RiclpmHessian(RiclpmStructure structure, FimlLikelihood likelihood)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[]? At(double[] theta)
    {
        var p = structure.P;
        var q = structure.Count;
        var m = FimlLikelihood.Moments(p);
        var mu = new double[p];
        var sigma = new double[p * p];
        var a = new double[p * p];
        var sigmaWithin = new double[p * p];
        structure.Implied(theta, mu, sigma, a, sigmaWithin);
        var gMu = new double[p];
        var gSigma = new double[p * p];
        if (!double.IsFinite(likelihood.NegativeLogLikelihood(mu, sigma, gMu, gSigma))) return null;
        var k = likelihood.Hessian(mu, sigma);
        if (k is null) return null;

        var jacobian = new double[m * q];
        var curvature = new double[q * q];
        var point = (double[])theta.Clone();
        var muUp = new double[p];
        var sigmaUp = new double[p * p];
        var muDown = new double[p];
        var sigmaDown = new double[p * p];
        var gradientUp = new double[q];
        var gradientDown = new double[q];
        for (var j = 0; j < q; j++)
        {
            var step = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
            point[j] = theta[j] + step;
            structure.Implied(point, muUp, sigmaUp, a, sigmaWithin);
            structure.Gradient(gMu, gSigma, a, sigmaWithin, gradientUp);
            point[j] = theta[j] - step;
            structure.Implied(point, muDown, sigmaDown, a, sigmaWithin);
            structure.Gradient(gMu, gSigma, a, sigmaWithin, gradientDown);
            point[j] = theta[j];
            for (var v = 0; v < p; v++) jacobian[v * q + j] = (muUp[v] - muDown[v]) / (2 * step);
            for (var x = 0; x < p; x++)
                for (var y = 0; y <= x; y++)
                    jacobian[FimlLikelihood.MomentIndex(p, x, y) * q + j] = (sigmaUp[x * p + y] - sigmaDown[x * p + y]) / (2 * step);
            for (var i = 0; i < q; i++) curvature[i * q + j] = (gradientUp[i] - gradientDown[i]) / (2 * step);
        }

        // J′ K J, skipping the many zero rows of J (most moments move with few parameters).
        var kj = new double[m * q];
        for (var r = 0; r < m; r++)
            for (var s = 0; s < m; s++)
            {
                var value = k[r * m + s];
                if (value == 0) continue;
                for (var j = 0; j < q; j++) kj[r * q + j] += value * jacobian[s * q + j];
            }
        var n = likelihood.Patterns.Participants;
        var hessian = new double[q * q];
        for (var r = 0; r < m; r++)
            for (var i = 0; i < q; i++)
            {
                var jri = jacobian[r * q + i];
                if (jri == 0) continue;
                for (var j = 0; j < q; j++) hessian[i * q + j] += jri * kj[r * q + j];
            }
        for (var i = 0; i < q; i++)
            for (var j = 0; j <= i; j++)
            {
                var value = (hessian[i * q + j] + hessian[j * q + i] + curvature[i * q + j] + curvature[j * q + i]) / (2.0 * n);
                hessian[i * q + j] = hessian[j * q + i] = value;
            }
        return hessian;
    }
}
