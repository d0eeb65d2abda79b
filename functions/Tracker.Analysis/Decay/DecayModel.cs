using System.Globalization;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Decay;

/// <summary>
/// Nonlinear least squares for the decay-to-plateau curve over every observation. The curve is linear in
/// (plateau, initial) for a fixed rate, so the self-start profiles the residual sum of squares over a
/// log-rate grid (variable projection) and refines the best rate; Gauss–Newton with step halving on
/// (plateau, initial, log rate) then converges to R's optimum and gives the Jacobian for nls's
/// standard errors (σ²(J'J)⁻¹; rate and half-life by the delta method, as reference.R does).
/// Observations are grouped by distinct time first (panels measure on few distinct days), which makes
/// every evaluation O(distinct times) and is exact: the residual sum of squares splits into the
/// within-time part, fixed, and the count-weighted part around each time's mean.
/// If the profile keeps falling towards rate → 0 or rate → ∞ there is no finite optimum — the case in
/// which R's nls fails with "singular gradient" — and the fit is reported as not converged.
/// </summary>
public static class DecayModel
{
    private const int MaxIterations = 100;

    public static DecayFit Fit(IReadOnlyList<double> time, IReadOnlyList<double> outcome)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(outcome);
        return FitArrays(time as double[] ?? [.. time], outcome as double[] ?? [.. outcome]);
    }

    /// <summary>On arrays: read through the interface, each element costs a dispatch (slow for arrays under Native AOT).</summary>
    private static DecayFit FitArrays(double[] time, double[] outcome)
    {
        var ts = new List<double>(time.Length);
        var ys = new List<double>(time.Length);
        for (var i = 0; i < Math.Min(time.Length, outcome.Length); i++)
        {
            if (double.IsNaN(time[i]) || double.IsNaN(outcome[i])) continue;
            ts.Add(time[i]);
            ys.Add(outcome[i]);
        }
        var n = ts.Count;
        if (n < 4) return DecayFit.Failed($"the decay curve has 3 parameters and needs at least 4 observations; the data have {n}", n);
        var data = TimeGroupedOutcome.Build(ts, ys);
        var t = data.Times;
        var span = t.Max() - t.Min();
        if (!(span > 0)) return DecayFit.Failed("singular gradient: time does not vary, so no decay can be seen", n);
        if (ys.Min() == ys.Max()) return DecayFit.Failed("singular gradient: the outcome is constant, so there is no decay to a plateau", n);
        // Three parameters through three or fewer distinct times reproduce their means exactly: a saturated fit, not a finding.
        if (t.Length <= 3)
            return DecayFit.Unidentified(Invariant($"the decay curve has 3 parameters but the data have only {t.Length} distinct times, so a curve through their means fits exactly (saturated); it needs at least 4 distinct times"), n);

        // Self-start: profile log(rate) on a grid spanning rates far slower and far faster than the data's time span.
        const double gridLow = -9, gridHigh = 7, gridStep = 0.25;
        var baseLog = -Math.Log(span);
        var steps = (int)((gridHigh - gridLow) / gridStep);
        var bestIndex = 0;
        var bestRss = double.PositiveInfinity;
        for (var k = 0; k <= steps; k++)
        {
            var rss = ProfiledRss(data, baseLog + gridLow + k * gridStep, out _, out _);
            if (rss < bestRss) { bestRss = rss; bestIndex = k; }
        }
        if (bestIndex == 0)
            return DecayFit.Failed("singular gradient: no decay to a plateau — the least-squares curve keeps straightening towards a steady trend (rate → 0)", n);
        if (bestIndex == steps)
            return DecayFit.Failed("singular gradient: no decay to a plateau — the least-squares curve becomes an immediate step (rate → ∞)", n);

        var lower = baseLog + gridLow + (bestIndex - 1) * gridStep;
        var upper = baseLog + gridLow + (bestIndex + 1) * gridStep;
        var lrc = GoldenSection(u => ProfiledRss(data, u, out _, out _), lower, upper);
        ProfiledRss(data, lrc, out var plateau, out var initial);

        var theta = new[] { plateau, initial, lrc };
        var current = Rss(data, theta);
        var converged = false;
        for (var iteration = 0; iteration < MaxIterations && !converged; iteration++)
        {
            var (jtj, jtr) = NormalEquations(data, theta);
            var factor = (double[])jtj.Clone();
            if (!SmallMatrix.CholeskyInPlace(factor, 3))
                return DecayFit.Failed("singular gradient: the plateau, initial level and rate cannot be told apart in these data", n);
            var step = (double[])jtr.Clone();
            SmallMatrix.ForwardSolve(factor, 3, step, 1);
            // Bates & Watts relative offset: how far the fit could still move relative to the residual size.
            var projected = step.Sum(s => s * s);
            SmallMatrix.BackSolveTransposed(factor, 3, step);
            var offset = Math.Sqrt(projected / Math.Max(current - projected, 1e-300) * (n - 3) / 3);
            if (offset < 1e-10) { converged = true; break; }
            var accepted = false;
            for (var fraction = 1.0; fraction >= 1.0 / 1024; fraction /= 2)
            {
                var trial = new[] { theta[0] + fraction * step[0], theta[1] + fraction * step[1], theta[2] + fraction * step[2] };
                var trialRss = Rss(data, trial);
                if (trialRss <= current)
                {
                    theta = trial;
                    current = trialRss;
                    accepted = true;
                    break;
                }
            }
            if (!accepted) converged = offset < 1e-5;
            if (!accepted) break;
        }
        if (!converged)
            return DecayFit.Failed("the decay curve did not converge (step factor reduced below its minimum)", n);

        var (finalJtj, _) = NormalEquations(data, theta);
        var chol = (double[])finalJtj.Clone();
        if (!SmallMatrix.CholeskyInPlace(chol, 3, 1e-12, out _))
            return DecayFit.Unidentified("the information at the optimum is singular (singular gradient): plateau, initial level and rate cannot be told apart", n);
        var inverse = SmallMatrix.InverseFromCholesky(chol, 3);
        var df = n - 3;
        var sigma2 = current / df;
        var se = new[] { Math.Sqrt(sigma2 * inverse[0]), Math.Sqrt(sigma2 * inverse[4]), Math.Sqrt(sigma2 * inverse[8]) };
        var rate = Math.Exp(theta[2]);
        var halfLife = Math.Log(2) / rate;
        var (low, high) = (ys.Min(), ys.Max());
        if (theta[0] < low || theta[0] > high)
            return DecayFit.Unidentified(Invariant($"the plateau estimate {theta[0]:G3} lies outside the observed scores ({low:G3} to {high:G3}), so the curve extrapolates instead of levelling off"), n);
        var halfLifeUpper = halfLife * (1 + 1.959963984540054 * se[2]);
        if (se.Any(e => !double.IsFinite(e)) || !double.IsFinite(halfLifeUpper) || halfLifeUpper > 1000 * span)
            return DecayFit.Unidentified(Invariant($"the half-life's 95 % interval is unbounded (up to {halfLifeUpper:G3} against {span:G3} observed)"), n);
        return new DecayFit(
            true,
            null,
            new ParameterEstimate(theta[0], se[0]),
            new ParameterEstimate(theta[1], se[1]),
            new ParameterEstimate(rate, rate * se[2]),
            new ParameterEstimate(halfLife, halfLife * se[2]),
            current,
            Math.Sqrt(sigma2),
            df,
            n);
    }

    /// <summary>Least squares of y on (1, e) with e = exp(−exp(u)·t): plateau = intercept, initial = intercept + slope.</summary>
    private static double ProfiledRss(TimeGroupedOutcome data, double u, out double plateau, out double initial)
    {
        var rate = Math.Exp(u);
        double[] t = data.Times, w = data.Counts, m = data.Means;
        var e = new double[t.Length];
        double meanE = 0;
        for (var k = 0; k < t.Length; k++)
        {
            e[k] = Math.Exp(-rate * t[k]);
            meanE += w[k] * e[k];
        }
        meanE /= data.Observations;
        double see = 0, sey = 0;
        for (var k = 0; k < t.Length; k++)
        {
            var de = e[k] - meanE;
            see += w[k] * de * de;
            sey += w[k] * de * (m[k] - data.Mean);
        }
        var slope = see > 0 ? sey / see : 0;
        plateau = data.Mean - slope * meanE;
        initial = plateau + slope;
        return see > 0 ? data.TotalSumOfSquares - sey * sey / see : data.TotalSumOfSquares;
    }

    private static double Rss(TimeGroupedOutcome data, double[] theta)
    {
        var rate = Math.Exp(theta[2]);
        var sum = data.WithinSumOfSquares;
        for (var k = 0; k < data.Times.Length; k++)
        {
            var r = data.Means[k] - (theta[0] + (theta[1] - theta[0]) * Math.Exp(-rate * data.Times[k]));
            sum += data.Counts[k] * r * r;
        }
        return sum;
    }

    /// <summary>J'J and J'r for the parameters (plateau, initial, lrc), summed over distinct times with their counts.</summary>
    private static (double[] JtJ, double[] JtR) NormalEquations(TimeGroupedOutcome data, double[] theta)
    {
        var rate = Math.Exp(theta[2]);
        var jtj = new double[9];
        var jtr = new double[3];
        Span<double> j = stackalloc double[3];
        for (var k = 0; k < data.Times.Length; k++)
        {
            var t = data.Times[k];
            var w = data.Counts[k];
            var e = Math.Exp(-rate * t);
            j[0] = 1 - e;
            j[1] = e;
            j[2] = -(theta[1] - theta[0]) * rate * t * e;
            var r = data.Means[k] - (theta[0] + (theta[1] - theta[0]) * e);
            for (var a = 0; a < 3; a++)
            {
                jtr[a] += w * j[a] * r;
                for (var b = 0; b < 3; b++) jtj[a * 3 + b] += w * j[a] * j[b];
            }
        }
        return (jtj, jtr);
    }

    private static double GoldenSection(Func<double, double> f, double a, double b)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = b - ratio * (b - a);
        var d = a + ratio * (b - a);
        double fc = f(c), fd = f(d);
        while (Math.Abs(b - a) > 1e-10)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = f(d); }
        }
        return (a + b) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
