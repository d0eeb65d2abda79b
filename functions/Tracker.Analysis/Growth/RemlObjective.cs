using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Growth;

/// <summary>
/// lme4's objective module for one grouping factor (Bates, Mächler, Bolker & Walker 2015, §3):
/// the profiled REML deviance as a function of the relative covariance factor θ, where Λθ is
/// block-diagonal with the same lower-triangular q×q block T(θ) for every group. Penalised least
/// squares splits into one q×q Cholesky per group (L_i L_i' = T'Z_i'Z_i T + I) and one p×p Cholesky
/// for the fixed effects (R_X'R_X = X'X − Σ R_ZX,i'R_ZX,i), giving
/// d_R(θ) = log|L|² + log|R_X|² + (n − p)(1 + log(2π r²/(n − p))).
/// </summary>
internal sealed class RemlObjective
{
    private readonly GroupedCrossProducts _data;

    public RemlObjective(GroupedCrossProducts data) => _data = data;

    /// <summary>Number of θ parameters: the lower triangle of T, column by column (lme4's order).</summary>
    public int ThetaLength => _data.Q * (_data.Q + 1) / 2;

    /// <summary>0 for the diagonal elements of T (variances cannot be negative), −∞ for the off-diagonal ones.</summary>
    public double[] LowerBounds()
    {
        var bounds = new double[ThetaLength];
        var index = 0;
        for (var column = 0; column < _data.Q; column++)
            for (var row = column; row < _data.Q; row++)
                bounds[index++] = row == column ? 0 : double.NegativeInfinity;
        return bounds;
    }

    /// <summary>T(θ) as a q×q row-major lower-triangular matrix, filled column by column as lme4 does.</summary>
    public static double[] Factor(ReadOnlySpan<double> theta, int q)
    {
        var t = new double[q * q];
        var index = 0;
        for (var column = 0; column < q; column++)
            for (var row = column; row < q; row++)
                t[row * q + column] = theta[index++];
        return t;
    }

    public double Deviance(double[] theta) => Solve(theta, wantSolution: false).Deviance;

    public RemlSolution Solve(double[] theta, bool wantSolution = true)
    {
        int q = _data.Q, p = _data.P, groups = _data.Groups;
        var t = Factor(theta, q);
        Span<double> a = stackalloc double[p * p];
        Span<double> c = stackalloc double[p];
        _data.XtX.AsSpan().CopyTo(a);
        _data.Xty.AsSpan().CopyTo(c);
        Span<double> m = stackalloc double[q * q];
        Span<double> w = stackalloc double[q * q];
        Span<double> cu = stackalloc double[q];
        Span<double> rzx = stackalloc double[q * p];
        double logDetL = 0, sumCu2 = 0;
        var ztz = _data.ZtZ;
        var ztx = _data.ZtX;
        var zty = _data.Zty;

        for (var g = 0; g < groups; g++)
        {
            var zz = ztz.AsSpan(g * q * q, q * q);
            // W = Z'Z T; M = T' W + I
            for (var i = 0; i < q; i++)
                for (var j = 0; j < q; j++)
                {
                    var sum = 0.0;
                    for (var k = j; k < q; k++) sum += zz[i * q + k] * t[k * q + j];
                    w[i * q + j] = sum;
                }
            for (var i = 0; i < q; i++)
                for (var j = 0; j <= i; j++)
                {
                    var sum = i == j ? 1.0 : 0.0;
                    for (var k = i; k < q; k++) sum += t[k * q + i] * w[k * q + j];
                    m[i * q + j] = sum;
                }
            SmallMatrix.CholeskyInPlace(m, q);
            for (var i = 0; i < q; i++) logDetL += 2 * Math.Log(m[i * q + i]);

            // cu = L⁻¹ T' Z'y ; R_ZX = L⁻¹ T' Z'X
            for (var i = 0; i < q; i++)
            {
                var sum = 0.0;
                for (var k = i; k < q; k++) sum += t[k * q + i] * zty[g * q + k];
                cu[i] = sum;
                for (var b = 0; b < p; b++)
                {
                    var s = 0.0;
                    for (var k = i; k < q; k++) s += t[k * q + i] * ztx[(g * q + k) * p + b];
                    rzx[i * p + b] = s;
                }
            }
            SmallMatrix.ForwardSolve(m, q, cu, 1);
            SmallMatrix.ForwardSolve(m, q, rzx, p);
            for (var i = 0; i < q; i++)
            {
                sumCu2 += cu[i] * cu[i];
                for (var b = 0; b < p; b++)
                {
                    var r = rzx[i * p + b];
                    c[b] -= r * cu[i];
                    for (var e = 0; e <= b; e++) a[b * p + e] -= r * rzx[i * p + e];
                }
            }
        }

        if (!SmallMatrix.CholeskyInPlace(a, p))
            return new RemlSolution(double.PositiveInfinity, [], double.NaN, [], false);
        double logDetRx = 0;
        for (var i = 0; i < p; i++) logDetRx += 2 * Math.Log(a[i * p + i]);
        SmallMatrix.ForwardSolve(a, p, c, 1);
        var cBeta2 = 0.0;
        for (var i = 0; i < p; i++) cBeta2 += c[i] * c[i];
        var rss = _data.Yty - sumCu2 - cBeta2;
        var df = _data.Observations - p;
        if (!(rss > 0)) return new RemlSolution(double.PositiveInfinity, [], rss, [], false);
        var deviance = logDetL + logDetRx + df * (1 + Math.Log(2 * Math.PI * rss / df));
        if (!wantSolution) return new RemlSolution(deviance, [], rss, [], true);

        var beta = c.ToArray();
        SmallMatrix.BackSolveTransposed(a, p, beta);
        var covariance = SmallMatrix.InverseFromCholesky(a, p);
        return new RemlSolution(deviance, beta, rss, covariance, true);
    }
}
