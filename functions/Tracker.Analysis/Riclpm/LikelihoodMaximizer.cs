using System.Runtime.CompilerServices;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// Minimises a smooth objective with an analytic gradient: BFGS with a backtracking line search to
/// get close, then Newton steps on the Hessian (exact when the caller has it, else central differences
/// of the gradient) to converge to the precision a peer comparison needs. The same Hessian yields the
/// observed information.
/// The objective returns +∞ where it is undefined (a covariance that is not positive definite),
/// which the line searches step back from.
/// </summary>
internal static class LikelihoodMaximizer
{
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public sealed record Result(double[] X, double Value, double[] Gradient, double[]? Hessian, bool Converged, string? Message);

    /// <summary>The exact Hessian at x, or null where the objective is undefined there.</summary>
    public delegate double[]? ExactHessian(double[] x);

    /// <summary>
    /// Minimises from start. With an exact Hessian every Newton step uses the Hessian at its own point and the
    /// errors the one at the optimum; without, one numerical Hessian (a gradient per parameter and side) serves.
    /// newtonFirst skips BFGS when the start is already close (falling back to it if Newton stalls).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Result Minimize(Objective objective, double[] start, CancellationToken cancellationToken, int maxIterations = 5000, bool withHessian = true,
        ExactHessian? exactHessian = null, bool newtonFirst = false)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var f = objective(x, g);
        if (!double.IsFinite(f)) return new Result(x, f, g, null, false, "the starting values give no finite likelihood");
        var trial = new double[n];
        var gTrial = new double[n];
        var d = new double[n];

        if (newtonFirst && exactHessian is not null && Newton(50) is { } early && MaxAbs(g) < 1e-11)
            return new Result(x, f, g, withHessian ? early : null, true, null);

        var h = new double[n * n];
        for (var i = 0; i < n; i++) h[i * n + i] = 1;
        var first = true;
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

        var hessian = Newton(exactHessian is null ? 8 : 20);
        if (hessian is null) return new Result(x, f, g, null, false, "the likelihood is not defined around the estimates");
        var converged = MaxAbs(g) < 1e-6;
        return new Result(x, f, g, withHessian ? hessian : null, converged, converged ? null : "the optimiser did not reach a maximum of the likelihood");

        // Newton steps to a gradient below 1e-11; returns the Hessian at the final point (null where undefined).
        double[]? Newton(int steps)
        {
            var current = exactHessian is null ? Hessian(objective, x) : exactHessian(x);
            if (current is null) return null;
            for (var iteration = 0; iteration < steps && MaxAbs(g) > 1e-11; iteration++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var factor = (double[])current.Clone();
                if (!SmallMatrix.CholeskyInPlace(factor, n)) return current;
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
                // From BFGS's end point the curvature barely changes: a numerical Hessian (the dominant cost) serves every
                // step and is recomputed once for the errors; an exact one is cheap enough to follow each step.
                if (exactHessian is not null) current = exactHessian(x) ?? current;
            }
            return exactHessian is null && withHessian ? Hessian(objective, x) : current;
        }
    }

    /// <summary>The Hessian by central differences of the analytic gradient, symmetrised; null where the objective is undefined nearby.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
