using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// Minimises a smooth objective with an analytic gradient: BFGS with a backtracking line search to
/// get close, then Newton steps on the Hessian (central differences of the gradient) to converge
/// to the precision a peer comparison needs. The same Hessian yields the observed information.
/// The objective returns +∞ where it is undefined (a covariance that is not positive definite),
/// which the line searches step back from.
/// </summary>
internal static class LikelihoodMaximizer
{
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public sealed record Result(double[] X, double Value, double[] Gradient, double[]? Hessian, bool Converged, string? Message);

    public static Result Minimize(Objective objective, double[] start, CancellationToken cancellationToken, int maxIterations = 5000, bool withHessian = true)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var f = objective(x, g);
        if (!double.IsFinite(f)) return new Result(x, f, g, null, false, "the starting values give no finite likelihood");

        var h = new double[n * n];
        for (var i = 0; i < n; i++) h[i * n + i] = 1;
        var first = true;
        var trial = new double[n];
        var gTrial = new double[n];
        var d = new double[n];
        for (var iteration = 0; iteration < maxIterations && MaxAbs(g) > 1e-7; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++) sum -= h[i * n + j] * g[j];
                d[i] = sum;
            }
            var slope = Dot(g, d);
            if (!(slope < 0))
            {
                Array.Clear(h);
                for (var i = 0; i < n; i++) { h[i * n + i] = 1; d[i] = -g[i]; }
                slope = Dot(g, d);
            }
            var step = 1.0;
            double fTrial;
            while (true)
            {
                for (var i = 0; i < n; i++) trial[i] = x[i] + step * d[i];
                fTrial = objective(trial, gTrial);
                if (double.IsFinite(fTrial) && fTrial <= f + 1e-4 * step * slope) break;
                step *= 0.5;
                if (step < 1e-16) break;
            }
            if (step < 1e-16) break;
            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++) { s[i] = trial[i] - x[i]; y[i] = gTrial[i] - g[i]; }
            var sy = Dot(s, y);
            if (sy > 1e-14)
            {
                if (first)
                {
                    var scale = sy / Dot(y, y);
                    for (var i = 0; i < n; i++) h[i * n + i] = scale;
                    first = false;
                }
                UpdateInverseHessian(h, s, y, sy, n);
            }
            Array.Copy(trial, x, n);
            Array.Copy(gTrial, g, n);
            f = fTrial;
        }

        // Newton polish: one numerical Hessian (2 gradients per parameter, the dominant cost) serves every
        // step, since from BFGS's end point the curvature barely changes; it is recomputed only for the errors.
        var hessian = Hessian(objective, x);
        if (hessian is null) return new Result(x, f, g, null, false, "the likelihood is not defined around the estimates");
        var factor = (double[])hessian.Clone();
        if (SmallMatrix.CholeskyInPlace(factor, n))
        {
            for (var iteration = 0; iteration < 8 && MaxAbs(g) > 1e-11; iteration++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < n; i++) d[i] = -g[i];
                SmallMatrix.ForwardSolve(factor, n, d, 1);
                SmallMatrix.BackSolveTransposed(factor, n, d);
                var improved = false;
                var step = 1.0;
                for (var halving = 0; halving < 30; halving++, step *= 0.5)
                {
                    for (var i = 0; i < n; i++) trial[i] = x[i] + step * d[i];
                    var fTrial = objective(trial, gTrial);
                    if (double.IsFinite(fTrial) && fTrial <= f + 1e-13 * Math.Abs(f))
                    {
                        Array.Copy(trial, x, n);
                        Array.Copy(gTrial, g, n);
                        f = fTrial;
                        improved = true;
                        break;
                    }
                }
                if (!improved) break;
            }
            if (withHessian) hessian = Hessian(objective, x);
        }
        var converged = hessian is not null && MaxAbs(g) < 1e-6;
        return new Result(x, f, g, hessian, converged, converged ? null : "the optimiser did not reach a maximum of the likelihood");
    }

    /// <summary>The Hessian by central differences of the analytic gradient, symmetrised; null where the objective is undefined nearby.</summary>
    public static double[]? Hessian(Objective objective, double[] x)
    {
        var n = x.Length;
        var hessian = new double[n * n];
        var point = (double[])x.Clone();
        var plus = new double[n];
        var minus = new double[n];
        for (var j = 0; j < n; j++)
        {
            var step = 1e-5 * Math.Max(1, Math.Abs(x[j]));
            point[j] = x[j] + step;
            var up = objective(point, plus);
            point[j] = x[j] - step;
            var down = objective(point, minus);
            point[j] = x[j];
            if (!double.IsFinite(up) || !double.IsFinite(down)) return null;
            for (var i = 0; i < n; i++) hessian[i * n + j] = (plus[i] - minus[i]) / (2 * step);
        }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++)
            {
                var mean = 0.5 * (hessian[i * n + j] + hessian[j * n + i]);
                hessian[i * n + j] = hessian[j * n + i] = mean;
            }
        return hessian;
    }

    private static void UpdateInverseHessian(double[] h, double[] s, double[] y, double sy, int n)
    {
        // H ← (I − ρ s y') H (I − ρ y s') + ρ s s', ρ = 1 / s'y.
        var rho = 1 / sy;
        var hy = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum += h[i * n + j] * y[j];
            hy[i] = sum;
        }
        var yhy = Dot(y, hy);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var v in a) max = Math.Max(max, Math.Abs(v));
        return double.IsNaN(max) ? double.PositiveInfinity : max;
    }
}
