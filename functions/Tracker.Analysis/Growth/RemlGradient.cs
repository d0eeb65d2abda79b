using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Growth;

/// <summary>
/// The profiled REML deviance and its exact gradient in θ, from one pass over the groups' cross-products — so the
/// optimiser needs a handful of evaluations instead of a simplex's hundred, or 2·d finite-difference ones per gradient.
/// </summary>
/// <remarks>
/// With V = ZΛΛ'Z' + I (σ² profiled out), P = V⁻¹ − V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹ and r² = y'Py (the penalised RSS), the
/// deviance is log|V| + log|X'V⁻¹X| + (n − p)(1 + log(2πr²/(n − p))), whose derivative along a change dD of
/// D = TT' (block-diagonal, the same block per group) is tr(P Z dD Z') − (n − p)·y'P Z dD Z'P y / r²
/// (Harville 1977; the same expressions lme4's documentation derives the deviance from, Bates et al. 2015 §3).
/// Per group, with A = Z'Z, B = Z'X, b = Z'y and L L' = T'AT + I (the Cholesky the deviance already takes),
/// Woodbury gives Z'V⁻¹Z = A − GG', Z'V⁻¹X = B − G R_ZX and Z'V⁻¹y = b − G c_u with G' = L⁻¹T'A; P's diagonal
/// blocks add −H C⁻¹H' (H = Z'V⁻¹X, C = X'V⁻¹X), and Z'Py = Z'V⁻¹y − Hβ̂. β̂ and C are known only at the end of
/// the pass, so the pass keeps Σ H_a H_b', Σ (Z'V⁻¹y)_a H_b and Σ (Z'V⁻¹y)(Z'V⁻¹y)' and combines them afterwards.
/// θ_k is the element (i, j) of T, so dD = E_ij T' + T E_ji and tr(W dD) = 2(WT)_ij for a symmetric W.
/// The sums are split over the groups in a fixed way (<see cref="GroupHalves"/>), so the result does not depend on
/// which thread finishes first.
/// </remarks>
internal sealed class RemlGradient
{
    private readonly GroupedCrossProducts _data;
    private readonly bool _closedForms;
    private readonly int _splitFrom;

    /// <param name="closedForms">False forces the general q×q kernel, which the tests use to check the 1×1 and 2×2 ones.</param>
    /// <param name="splitFrom">From this many groups the sums are split in two halves (the tests lower it to compare the split with one pass).</param>
    public RemlGradient(GroupedCrossProducts data, bool closedForms = true, int splitFrom = GroupHalves.SplitFrom)
    {
        _data = data;
        _closedForms = closedForms;
        _splitFrom = splitFrom;
    }

    /// <summary>The deviance at θ, with its gradient written to <paramref name="gradient"/>; +∞ (gradient NaN) where the deviance is not defined.</summary>
    public double Evaluate(double[] theta, double[] gradient)
    {
        int q = _data.Q, p = _data.P;
        var t = RemlObjective.Factor(theta, q);
        var sums = GroupHalves.Sum(_data.Groups, () => new Sums(q, p), (sums, start, end) =>
        {
            // The first range starts from X'X and X'y and subtracts, as RemlObjective does: unsplit, the deviance
            // is then the very double RemlObjective computes (for q ≤ 2), so the optimum is judged by the same numbers.
            if (start == 0)
            {
                _data.XtX.CopyTo(sums.A, 0);
                _data.Xty.CopyTo(sums.C, 0);
            }
            if (q == 2 && _closedForms) AccumulateTwo(theta, sums, start, end);
            else if (q == 1 && _closedForms) AccumulateOne(theta[0], sums, start, end);
            else Accumulate(t, sums, start, end);
        }, (into, from) => into.Add(from), _splitFrom);
        sums.Complete();

        var a = sums.A;
        var c = sums.C;
        Array.Fill(gradient, double.NaN);
        if (!SmallMatrix.CholeskyInPlace(a, p)) return double.PositiveInfinity;
        double logDetRx = 0;
        for (var i = 0; i < p; i++) logDetRx += 2 * Math.Log(a[i * p + i]);
        var beta = (double[])c.Clone();
        SmallMatrix.ForwardSolve(a, p, beta, 1);
        var cBeta2 = 0.0;
        for (var i = 0; i < p; i++) cBeta2 += beta[i] * beta[i];
        SmallMatrix.BackSolveTransposed(a, p, beta);
        var rss = _data.Yty - sums.Cu2 - cBeta2;
        var df = _data.Observations - p;
        if (!(rss > 0)) return double.PositiveInfinity;
        var deviance = sums.LogDetL + logDetRx + df * (1 + Math.Log(2 * Math.PI * rss / df));

        var cInverse = SmallMatrix.InverseFromCholesky(a, p);
        // W = Σ Z_g'P Z_g (the trace term's matrix) and U = Σ (Z_g'Py)(Z_g'Py)' (the residual term's), both q×q.
        var w = new double[q * q];
        var u = new double[q * q];
        for (var i = 0; i < q; i++)
            for (var j = 0; j < q; j++)
            {
                var hh = sums.HH.AsSpan((i * q + j) * p * p, p * p);
                double hch = 0, bhhb = 0;
                for (var e = 0; e < p; e++)
                    for (var f = 0; f < p; f++)
                    {
                        hch += cInverse[e * p + f] * hh[e * p + f];
                        bhhb += beta[e] * hh[e * p + f] * beta[f];
                    }
                double zhi = 0, zhj = 0;
                for (var e = 0; e < p; e++)
                {
                    zhi += sums.ZH[(i * q + j) * p + e] * beta[e];
                    zhj += sums.ZH[(j * q + i) * p + e] * beta[e];
                }
                w[i * q + j] = sums.K[i * q + j] - hch;
                u[i * q + j] = sums.ZZ[i * q + j] - zhi - zhj + bhhb;
            }
        var scale = df / rss;
        var index = 0;
        for (var column = 0; column < q; column++)
            for (var row = column; row < q; row++)
            {
                double wt = 0, ut = 0;
                for (var k = 0; k < q; k++)
                {
                    wt += w[row * q + k] * t[k * q + column];
                    ut += u[row * q + k] * t[k * q + column];
                }
                gradient[index++] = 2 * (wt - scale * ut);
            }
        return deviance;
    }

    private void Accumulate(double[] t, Sums sums, int start, int end)
    {
        int q = _data.Q, p = _data.P;
        Span<double> m = stackalloc double[q * q];
        Span<double> x = stackalloc double[q * q];
        Span<double> cu = stackalloc double[q];
        Span<double> rzx = stackalloc double[q * p];
        Span<double> h = stackalloc double[q * p];
        Span<double> z = stackalloc double[q];
        var ztz = _data.ZtZ;
        var ztx = _data.ZtX;
        var zty = _data.Zty;
        var a = sums.A;
        var c = sums.C;
        var k = sums.K;
        var hhSums = sums.HH;
        var zhSums = sums.ZH;
        var zzSums = sums.ZZ;
        double product = 1, cu2 = 0;
        long exponent = 0;
        for (var g = start; g < end; g++)
        {
            var zz = ztz.AsSpan(g * q * q, q * q);
            var zx = ztx.AsSpan(g * q * p, q * p);
            var zy = zty.AsSpan(g * q, q);
            // X = T'A (q×q, A symmetric), M = X T + I, then L L' = M.
            for (var i = 0; i < q; i++)
                for (var j = 0; j < q; j++)
                {
                    var sum = 0.0;
                    for (var r = i; r < q; r++) sum += t[r * q + i] * zz[r * q + j];
                    x[i * q + j] = sum;
                }
            for (var i = 0; i < q; i++)
                for (var j = 0; j <= i; j++)
                {
                    var sum = i == j ? 1.0 : 0.0;
                    for (var r = j; r < q; r++) sum += x[i * q + r] * t[r * q + j];
                    m[i * q + j] = sum;
                }
            SmallMatrix.CholeskyInPlace(m, q);
            var det = 1.0;
            for (var i = 0; i < q; i++) det *= m[i * q + i];
            product *= det * det;
            if (((g - start) & 15) == 15)
            {
                var e = Math.ILogB(product);
                exponent += e;
                product = Math.ScaleB(product, -e);
            }
            // c_u = L⁻¹T'b, R_ZX = L⁻¹T'B, G' = L⁻¹T'A (x already holds T'A).
            for (var i = 0; i < q; i++)
            {
                var sum = 0.0;
                for (var r = i; r < q; r++) sum += t[r * q + i] * zy[r];
                cu[i] = sum;
                for (var b = 0; b < p; b++)
                {
                    var s = 0.0;
                    for (var r = i; r < q; r++) s += t[r * q + i] * zx[r * p + b];
                    rzx[i * p + b] = s;
                }
            }
            SmallMatrix.ForwardSolve(m, q, cu, 1);
            SmallMatrix.ForwardSolve(m, q, rzx, p);
            SmallMatrix.ForwardSolve(m, q, x, q);
            for (var i = 0; i < q; i++)
            {
                cu2 += cu[i] * cu[i];
                for (var b = 0; b < p; b++)
                {
                    var r = rzx[i * p + b];
                    c[b] -= r * cu[i];
                    for (var e = 0; e <= b; e++) a[b * p + e] -= r * rzx[i * p + e];
                }
            }
            // Z'V⁻¹Z = A − G G', H = Z'V⁻¹X = B − G R_ZX, z = Z'V⁻¹y = b − G c_u, with G[i, r] = x[r, i].
            for (var i = 0; i < q; i++)
            {
                var zi = zy[i];
                for (var r = 0; r < q; r++) zi -= x[r * q + i] * cu[r];
                z[i] = zi;
                for (var j = 0; j <= i; j++)
                {
                    var sum = zz[i * q + j];
                    for (var r = 0; r < q; r++) sum -= x[r * q + i] * x[r * q + j];
                    k[i * q + j] += sum;
                }
                for (var b = 0; b < p; b++)
                {
                    var hb = zx[i * p + b];
                    for (var r = 0; r < q; r++) hb -= x[r * q + i] * rzx[r * p + b];
                    h[i * p + b] = hb;
                }
            }
            for (var i = 0; i < q; i++)
            {
                for (var j = 0; j <= i; j++) zzSums[i * q + j] += z[i] * z[j];
                for (var j = 0; j < q; j++)
                {
                    var zh = zhSums.AsSpan((i * q + j) * p, p);
                    for (var b = 0; b < p; b++) zh[b] += z[i] * h[j * p + b];
                }
                for (var j = 0; j <= i; j++)
                {
                    var hh = hhSums.AsSpan((i * q + j) * p * p, p * p);
                    for (var e = 0; e < p; e++)
                    {
                        var he = h[i * p + e];
                        for (var f = 0; f < p; f++) hh[e * p + f] += he * h[j * p + f];
                    }
                }
            }
        }
        sums.LogDetL += Math.Log(product) + exponent * Math.Log(2);
        sums.Cu2 += cu2;
    }

    /// <summary>
    /// The (1 + x | g) case written out, as <see cref="RemlObjective"/> does for the deviance: per group the 2×2
    /// Cholesky in closed form, X̃ = L⁻¹T'A (so G = X̃'), and the sums the gradient needs, with no call per group.
    /// </summary>
    private void AccumulateTwo(double[] theta, Sums sums, int start, int end)
    {
        var p = _data.P;
        double t11 = theta[0], t21 = theta[1], t22 = theta[2];
        var ztz = _data.ZtZ;
        var ztx = _data.ZtX;
        var zty = _data.Zty;
        Span<double> r0 = stackalloc double[p];
        Span<double> r1 = stackalloc double[p];
        Span<double> h0 = stackalloc double[p];
        Span<double> h1 = stackalloc double[p];
        var a = sums.A.AsSpan();
        var c = sums.C.AsSpan();
        var zh = sums.ZH.AsSpan();
        var hh00 = sums.HH.AsSpan(0, p * p);
        var hh10 = sums.HH.AsSpan(2 * p * p, p * p);
        var hh11 = sums.HH.AsSpan(3 * p * p, p * p);
        double product = 1, cu2 = 0, k00 = 0, k10 = 0, k11 = 0, zz00 = 0, zz10 = 0, zz11 = 0;
        long exponent = 0;
        for (var g = start; g < end; g++)
        {
            var zb = g * 4;
            double a00 = ztz[zb], a10 = ztz[zb + 2], a11 = ztz[zb + 3];
            var x00 = t11 * a00 + t21 * a10;
            var x01 = t11 * a10 + t21 * a11;
            var x10 = t22 * a10;
            var x11 = t22 * a11;
            var m00 = t11 * x00 + t21 * x01 + 1;
            var m10 = t22 * x01;
            var m11 = t22 * t22 * a11 + 1;
            var l00 = Math.Sqrt(m00);
            var inv00 = 1 / l00;
            var l10 = m10 * inv00;
            var s11 = m11 - l10 * l10;
            var inv11 = 1 / Math.Sqrt(s11);
            product *= m00 * s11;
            if (((g - start) & 15) == 15)
            {
                var e = Math.ILogB(product);
                exponent += e;
                product = Math.ScaleB(product, -e);
            }
            // X̃ = L⁻¹ T'A
            var g00 = x00 * inv00;
            var g01 = x01 * inv00;
            var g10 = (x10 - l10 * g00) * inv11;
            var g11 = (x11 - l10 * g01) * inv11;
            k00 += a00 - g00 * g00 - g10 * g10;
            k10 += a10 - g00 * g01 - g10 * g11;
            k11 += a11 - g01 * g01 - g11 * g11;

            var y0 = zty[g * 2];
            var y1 = zty[g * 2 + 1];
            var cu0 = (t11 * y0 + t21 * y1) * inv00;
            var cu1 = (t22 * y1 - l10 * cu0) * inv11;
            cu2 += cu0 * cu0 + cu1 * cu1;
            var z0 = y0 - g00 * cu0 - g10 * cu1;
            var z1 = y1 - g01 * cu0 - g11 * cu1;
            zz00 += z0 * z0;
            zz10 += z1 * z0;
            zz11 += z1 * z1;

            var xb = g * 2 * p;
            for (var b = 0; b < p; b++)
            {
                var xa = ztx[xb + b];
                var xc = ztx[xb + p + b];
                var v0 = (t11 * xa + t21 * xc) * inv00;
                var v1 = (t22 * xc - l10 * v0) * inv11;
                r0[b] = v0;
                r1[b] = v1;
                c[b] -= v0 * cu0 + v1 * cu1;
                var hb0 = xa - g00 * v0 - g10 * v1;
                var hb1 = xc - g01 * v0 - g11 * v1;
                h0[b] = hb0;
                h1[b] = hb1;
                // ZH[i, j] = Σ z_i H_j: blocks (0,0), (0,1), (1,0), (1,1) of p each.
                zh[b] += z0 * hb0;
                zh[p + b] += z0 * hb1;
                zh[2 * p + b] += z1 * hb0;
                zh[3 * p + b] += z1 * hb1;
            }
            for (var b = 0; b < p; b++)
            {
                double rb0 = r0[b], rb1 = r1[b], hb0 = h0[b], hb1 = h1[b];
                var row = b * p;
                // Lower triangles of the symmetric blocks (A, H₀H₀', H₁H₁'; mirrored once the sums are complete), H₁H₀' whole.
                for (var e = 0; e <= b; e++)
                {
                    a[row + e] -= rb0 * r0[e] + rb1 * r1[e];
                    hh00[row + e] += hb0 * h0[e];
                    hh11[row + e] += hb1 * h1[e];
                }
                for (var e = 0; e < p; e++) hh10[row + e] += hb1 * h0[e];
            }
        }
        sums.LogDetL += Math.Log(product) + exponent * Math.Log(2);
        sums.Cu2 += cu2;
        sums.K[0] += k00;
        sums.K[2] += k10;
        sums.K[3] += k11;
        sums.ZZ[0] += zz00;
        sums.ZZ[2] += zz10;
        sums.ZZ[3] += zz11;
    }

    /// <summary>The (1 | g) case written out as <see cref="RemlObjective"/> does (same operations, so the same deviance): every block is 1×1.</summary>
    private void AccumulateOne(double t, Sums sums, int start, int end)
    {
        var p = _data.P;
        var ztz = _data.ZtZ;
        var ztx = _data.ZtX;
        var zty = _data.Zty;
        Span<double> r = stackalloc double[p];
        Span<double> h = stackalloc double[p];
        var a = sums.A.AsSpan();
        var c = sums.C.AsSpan();
        var zh = sums.ZH.AsSpan();
        var hh = sums.HH.AsSpan();
        double product = 1, cu2 = 0, k00 = 0, zz00 = 0;
        long exponent = 0;
        for (var g = start; g < end; g++)
        {
            var a00 = ztz[g];
            var m = t * t * a00 + 1;
            var inv = 1 / Math.Sqrt(m);
            product *= m;
            if (((g - start) & 15) == 15)
            {
                var e = Math.ILogB(product);
                exponent += e;
                product = Math.ScaleB(product, -e);
            }
            // G = L⁻¹ T'A, a scalar here.
            var gg = t * a00 * inv;
            k00 += a00 - gg * gg;
            var y = zty[g];
            var cu = t * y * inv;
            cu2 += cu * cu;
            var z = y - gg * cu;
            zz00 += z * z;
            var xb = g * p;
            for (var b = 0; b < p; b++)
            {
                var x = ztx[xb + b];
                r[b] = t * x * inv;
                c[b] -= r[b] * cu;
                h[b] = x - gg * r[b];
                zh[b] += z * h[b];
            }
            for (var b = 0; b < p; b++)
            {
                var row = b * p;
                for (var e = 0; e <= b; e++) a[row + e] -= r[b] * r[e];
                for (var e = 0; e < p; e++) hh[row + e] += h[b] * h[e];
            }
        }
        sums.LogDetL += Math.Log(product) + exponent * Math.Log(2);
        sums.Cu2 += cu2;
        sums.K[0] += k00;
        sums.ZZ[0] += zz00;
    }

    /// <summary>One range's sums; the fixed-effect ones (A, C) start at X'X and X'y in the first range, at zero in the second.</summary>
    private sealed class Sums
    {
        private readonly int _q;
        private readonly int _p;

        public Sums(int q, int p)
        {
            _q = q;
            _p = p;
            A = new double[p * p];
            C = new double[p];
            K = new double[q * q];
            HH = new double[q * q * p * p];
            ZH = new double[q * q * p];
            ZZ = new double[q * q];
        }

        public double[] A { get; }
        public double[] C { get; }
        public double[] K { get; }
        public double[] HH { get; }
        public double[] ZH { get; }
        public double[] ZZ { get; }
        public double LogDetL { get; set; }
        public double Cu2 { get; set; }

        /// <summary>Adds a later range's sums, then fills the upper triangles so every q×q and p×p block is whole.</summary>
        public void Add(Sums later)
        {
            AddTo(A, later.A);
            AddTo(C, later.C);
            AddTo(K, later.K);
            AddTo(HH, later.HH);
            AddTo(ZH, later.ZH);
            AddTo(ZZ, later.ZZ);
            LogDetL += later.LogDetL;
            Cu2 += later.Cu2;
        }

        /// <summary>The kernels fill lower triangles only (A, K, ZZ, the diagonal blocks of HH; HH for i ≥ j): mirror them once the sums are complete.</summary>
        public void Complete()
        {
            int q = _q, p = _p;
            for (var b = 0; b < p; b++)
                for (var e = b + 1; e < p; e++) A[b * p + e] = A[e * p + b];
            for (var i = 0; i < q; i++)
            {
                // The diagonal blocks Σ H_i H_i' are symmetric; a kernel may fill only their lower triangles.
                var diagonal = HH.AsSpan((i * q + i) * p * p, p * p);
                for (var e = 0; e < p; e++)
                    for (var f = e + 1; f < p; f++) diagonal[e * p + f] = diagonal[f * p + e];
                for (var j = i + 1; j < q; j++)
                {
                    K[i * q + j] = K[j * q + i];
                    ZZ[i * q + j] = ZZ[j * q + i];
                    // Σ H_i H_j' = (Σ H_j H_i')'.
                    var lower = HH.AsSpan((j * q + i) * p * p, p * p);
                    var upper = HH.AsSpan((i * q + j) * p * p, p * p);
                    for (var e = 0; e < p; e++)
                        for (var f = 0; f < p; f++) upper[e * p + f] = lower[f * p + e];
                }
            }
        }

        private static void AddTo(double[] into, double[] from)
        {
            for (var k = 0; k < into.Length; k++) into[k] += from[k];
        }
    }
}
