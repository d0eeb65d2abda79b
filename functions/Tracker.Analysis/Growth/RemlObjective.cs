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
    private readonly bool _closedForms;

    /// <param name="closedForms">False forces the general q×q kernel, which the tests use to check the closed forms.</param>
    public RemlObjective(GroupedCrossProducts data, bool closedForms = true)
    {
        _data = data;
        _closedForms = closedForms;
    }

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
        double logDetL = 0, sumCu2 = 0;

        if (q == 2 && _closedForms) AccumulateTwo(theta, a, c, ref logDetL, ref sumCu2);
        else if (q == 1 && _closedForms) AccumulateOne(theta[0], a, c, ref logDetL, ref sumCu2);
        else AccumulateGeneral(t, a, c, ref logDetL, ref sumCu2);

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
    private void AccumulateGeneral(double[] t, Span<double> a, Span<double> c, ref double logDetL, ref double sumCu2)
    {
        int q = _data.Q, p = _data.P, groups = _data.Groups;
        Span<double> m = stackalloc double[q * q];
        Span<double> w = stackalloc double[q * q];
        Span<double> cu = stackalloc double[q];
        Span<double> rzx = stackalloc double[q * p];
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

    }

    /// <summary>
    /// The (1 + x | g) case written out: per group a 2×2 Cholesky in closed form, and log|L|² taken as
    /// log det(M) on a running product (det M ≥ 1, rescaled by its binary exponent) instead of one
    /// logarithm per group — the inner loop of every fit, so it is worth the specialisation.
    /// </summary>
    private void AccumulateTwo(double[] theta, Span<double> a, Span<double> c, ref double logDetL, ref double sumCu2)
    {
        int p = _data.P, groups = _data.Groups;
        double t11 = theta[0], t21 = theta[1], t22 = theta[2];
        var ztz = _data.ZtZ;
        var ztx = _data.ZtX;
        var zty = _data.Zty;
        Span<double> r0 = stackalloc double[p];
        Span<double> r1 = stackalloc double[p];
        double product = 1, cu2 = 0;
        long exponent = 0;
        for (var g = 0; g < groups; g++)
        {
            var zb = g * 4;
            double zaa = ztz[zb], zba = ztz[zb + 2], zbb = ztz[zb + 3];
            var w00 = zaa * t11 + zba * t21;
            var w10 = zba * t11 + zbb * t21;
            var m00 = t11 * w00 + t21 * w10 + 1;
            var m10 = t22 * w10;
            var m11 = t22 * t22 * zbb + 1;
            var l00 = Math.Sqrt(m00);
            var inv00 = 1 / l00;
            var l10 = m10 * inv00;
            var s11 = m11 - l10 * l10;
            var inv11 = 1 / Math.Sqrt(s11);
            product *= m00 * s11;
            if ((g & 15) == 15)
            {
                var e = Math.ILogB(product);
                exponent += e;
                product = Math.ScaleB(product, -e);
            }
            var y0 = zty[g * 2];
            var y1 = zty[g * 2 + 1];
            var cu0 = (t11 * y0 + t21 * y1) * inv00;
            var cu1 = (t22 * y1 - l10 * cu0) * inv11;
            cu2 += cu0 * cu0 + cu1 * cu1;
            var xb = g * 2 * p;
            for (var b = 0; b < p; b++)
            {
                var x0 = ztx[xb + b];
                var x1 = ztx[xb + p + b];
                var v0 = (t11 * x0 + t21 * x1) * inv00;
                r0[b] = v0;
                r1[b] = (t22 * x1 - l10 * v0) * inv11;
                c[b] -= v0 * cu0 + r1[b] * cu1;
            }
            for (var b = 0; b < p; b++)
            {
                double rb0 = r0[b], rb1 = r1[b];
                var row = b * p;
                for (var e = 0; e <= b; e++) a[row + e] -= rb0 * r0[e] + rb1 * r1[e];
            }
        }
        logDetL += Math.Log(product) + exponent * Math.Log(2);
        sumCu2 += cu2;
    }

    private void AccumulateOne(double t, Span<double> a, Span<double> c, ref double logDetL, ref double sumCu2)
    {
        int p = _data.P, groups = _data.Groups;
        var ztz = _data.ZtZ;
        var ztx = _data.ZtX;
        var zty = _data.Zty;
        Span<double> r = stackalloc double[p];
        double product = 1, cu2 = 0;
        long exponent = 0;
        for (var g = 0; g < groups; g++)
        {
            var m = t * t * ztz[g] + 1;
            var inv = 1 / Math.Sqrt(m);
            product *= m;
            if ((g & 15) == 15)
            {
                var e = Math.ILogB(product);
                exponent += e;
                product = Math.ScaleB(product, -e);
            }
            var cu = t * zty[g] * inv;
            cu2 += cu * cu;
            var xb = g * p;
            for (var b = 0; b < p; b++)
            {
                r[b] = t * ztx[xb + b] * inv;
                c[b] -= r[b] * cu;
            }
            for (var b = 0; b < p; b++)
                for (var e = 0; e <= b; e++) a[b * p + e] -= r[b] * r[e];
        }
        logDetL += Math.Log(product) + exponent * Math.Log(2);
        sumCu2 += cu2;
    }
}
