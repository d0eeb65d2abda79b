using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Growth;

/// <summary>
/// lme4's optimisation module, made stubborn: a bounded quasi-Newton search from lme4's start (T = I) on the exact
/// gradient of the profiled deviance, a probe of every small variance at exactly zero (boundary optimum: a singular
/// fit), a Newton polish whose Hessian is the finite difference of the exact gradient and which certifies the optimum
/// when the optimality conditions hold, and otherwise a tight simplex restart that must fail to improve before the
/// optimum is accepted (a search can stall on a ridge, which is why lme4 sometimes stops short).
/// </summary>
/// <remarks>
/// Until session 10 the search was a coarse Nelder–Mead simplex and the polish used central differences of the
/// deviance (19 evaluations per Newton step for three parameters): about 133 evaluations on the benchmark panel. With
/// the gradient (<see cref="RemlGradient"/>, one pass over the groups like the deviance) the same certificate took 16.
/// </remarks>
internal static class ThetaOptimizer
{
    /// <summary>Improvements below this (absolute plus relative to the deviance) are rounding noise in the sums over groups.</summary>
    private static double ImprovementTolerance(double deviance) => 1e-9 + 1e-12 * Math.Abs(deviance);

    /// <summary>The search stops once a step gains less than this; the Newton polish then takes the last digits.</summary>
    private static double SearchTolerance(double deviance) => 1e-7 + 1e-10 * Math.Abs(deviance);

    /// <param name="evaluate">The deviance at θ, with its gradient written to the second argument.</param>
    public static OptimumResult Minimize(Func<double[], double[], double> evaluate, double[] lowerBounds, int q)
    {
        var d = lowerBounds.Length;
        var passes = 0;
        evaluate = Remembered(evaluate, d, () => passes++);
        var scratch = new double[d];
        double Deviance(double[] theta) => evaluate(theta, scratch);

        var best = Search(evaluate, RemlStart(q), lowerBounds);
        best = ProbeBoundaries(evaluate, best, lowerBounds);
        var converged = false;
        for (var round = 0; round < 4; round++)
        {
            var (polished, certified) = NewtonPolish(evaluate, best, lowerBounds);
            if (certified)
            {
                best = polished;
                converged = true;
                break;
            }
            // A tight simplex restart around the polished point confirms it (and rescues a stalled search).
            var steps = polished.Point.Select(v => Math.Max(0.02 * Math.Abs(v), 2e-3)).ToArray();
            var check = BoundedNelderMead.Minimize(Deviance, polished.Point, lowerBounds, steps, 1e-12, 1e-6);
            converged = check.Converged;
            var improved = check.Value < polished.Value - ImprovementTolerance(polished.Value);
            best = check.Value < polished.Value ? check : polished;
            if (!improved) break;
            best = ProbeBoundaries(evaluate, best, lowerBounds);
        }
        // Passes over the groups actually made: a remembered point costs none.
        return best with { Evaluations = passes, Converged = converged };
    }

    /// <summary>
    /// The last point's deviance and gradient kept: each phase starts where the previous one stopped, and asking for
    /// that point again (a full pass over the groups) would give the same bits.
    /// </summary>
    private static Func<double[], double[], double> Remembered(Func<double[], double[], double> evaluate, int d, Action counted)
    {
        double[]? lastPoint = null;
        var lastGradient = new double[d];
        var lastValue = 0.0;
        return (theta, gradient) =>
        {
            if (lastPoint is not null && theta.AsSpan().SequenceEqual(lastPoint))
            {
                lastGradient.CopyTo(gradient, 0);
                return lastValue;
            }
            counted();
            var value = evaluate(theta, gradient);
            lastPoint = (double[])theta.Clone();
            gradient.CopyTo(lastGradient, 0);
            lastValue = value;
            return value;
        };
    }

    private static OptimumResult Search(Func<double[], double[], double> evaluate, double[] start, double[] lowerBounds)
    {
        var first = new double[start.Length];
        // The tolerance scales with the deviance at the start; the search's own first evaluation is then remembered.
        var tolerance = SearchTolerance(evaluate(start, first));
        var result = BoundedQuasiNewton.Minimize(evaluate, start, lowerBounds, tolerance);
        return result;
    }

    /// <summary>A variance whose optimum is zero is approached only asymptotically by the search: try it exactly.</summary>
    private static OptimumResult ProbeBoundaries(Func<double[], double[], double> evaluate, OptimumResult best, double[] lowerBounds)
    {
        var d = lowerBounds.Length;
        for (var i = 0; i < d; i++)
        {
            if (lowerBounds[i] != 0 || best.Point[i] == 0 || best.Point[i] > 0.1) continue;
            var fixedIndex = i;
            var reduced = Enumerable.Range(0, d).Where(j => j != fixedIndex).ToArray();
            var full = new double[d];
            var fullGradient = new double[d];
            double Restricted(double[] free, double[] gradient)
            {
                Array.Clear(full);
                for (var k = 0; k < reduced.Length; k++) full[reduced[k]] = free[k];
                var value = evaluate(full, fullGradient);
                for (var k = 0; k < reduced.Length; k++) gradient[k] = fullGradient[reduced[k]];
                return value;
            }
            var freeStart = reduced.Select(j => best.Point[j]).ToArray();
            var freeBounds = reduced.Select(j => lowerBounds[j]).ToArray();
            OptimumResult onBoundary;
            if (freeStart.Length == 0)
            {
                onBoundary = new OptimumResult([], evaluate(new double[d], fullGradient), 1, true);
            }
            else
            {
                onBoundary = BoundedQuasiNewton.Minimize(Restricted, freeStart, freeBounds, SearchTolerance(best.Value));
            }
            // A tie within rounding noise goes to the boundary: report the singular fit exactly rather than a correlation of 0.9999999.
            if (onBoundary.Value <= best.Value + 1e-9)
            {
                var point = new double[d];
                for (var k = 0; k < reduced.Length; k++) point[reduced[k]] = onBoundary.Point[k];
                best = new OptimumResult(point, onBoundary.Value, best.Evaluations, onBoundary.Converged);
            }
        }
        return best;
    }

    /// <summary>lme4's starting value: T = I (random effects as variable as the residual, uncorrelated).</summary>
    private static double[] RemlStart(int q)
    {
        var start = new double[q * (q + 1) / 2];
        var index = 0;
        for (var column = 0; column < q; column++)
            for (var row = column; row < q; row++)
                start[index++] = row == column ? 1 : 0;
        return start;
    }

    /// <summary>
    /// Newton steps on the parameters not held at a bound, with the exact gradient and a Hessian from forward
    /// differences of it (one evaluation per free parameter, taken once: the steps are short, so it stays accurate);
    /// each step is kept only when the deviance goes down, so the polish can never make a fit worse.
    /// Certified means the optimality conditions hold at the result: the Hessian of the free parameters is
    /// positive definite, the predicted Newton decrease is below rounding noise, and the deviance rises when
    /// any parameter held at zero moves off its bound — then no confirming simplex restart is needed.
    /// </summary>
    internal static (OptimumResult Result, bool Certified) NewtonPolish(Func<double[], double[], double> f, OptimumResult start, double[] bounds)
    {
        var x = (double[])start.Point.Clone();
        var free = Enumerable.Range(0, x.Length).Where(i => !(bounds[i] == 0 && x[i] == 0)).ToArray();
        var atBound = Enumerable.Range(0, x.Length).Where(i => bounds[i] == 0 && x[i] == 0).ToArray();
        var m = free.Length;
        if (m == 0) return (start, false);
        var certified = false;
        var gradient = new double[x.Length];
        // Usually remembered: the point where the search or the probe stopped.
        var fx = f(x, gradient);
        if (!(fx <= start.Value)) return (start, false);

        var hessian = new double[m * m];
        var shifted = new double[x.Length];
        for (var a = 0; a < m; a++)
        {
            var h = 1e-5 * Math.Max(1, Math.Abs(x[free[a]]));
            var y = (double[])x.Clone();
            y[free[a]] += h;
            f(y, shifted);
            for (var b = 0; b < m; b++) hessian[b * m + a] = (shifted[free[b]] - gradient[free[b]]) / h;
        }
        for (var a = 0; a < m; a++)
            for (var b = 0; b < a; b++)
            {
                var mean = 0.5 * (hessian[a * m + b] + hessian[b * m + a]);
                hessian[a * m + b] = mean;
                hessian[b * m + a] = mean;
            }
        var factor = (double[])hessian.Clone();
        if (SmallMatrix.CholeskyInPlace(factor, m))
        {
            var trialGradient = new double[x.Length];
            var converged = false;
            for (var iteration = 0; iteration < 8; iteration++)
            {
                var step = free.Select(i => -gradient[i]).ToArray();
                SmallMatrix.ForwardSolve(factor, m, step, 1);
                SmallMatrix.BackSolveTransposed(factor, m, step);
                var predicted = 0.0;
                for (var k = 0; k < m; k++) predicted -= 0.5 * gradient[free[k]] * step[k];
                // Converged once the predicted gain is below noise; the steps that still go down are taken all the
                // same (an evaluation each, usually one or two), so the fit ends at the bottom of the noise, not its edge.
                converged |= predicted <= ImprovementTolerance(fx);

                // A full step can overshoot where the surface is not yet quadratic (a flat ridge on large panels): halve
                // it a few times before giving up, rather than leaving the last digits to a simplex restart of hundreds
                // of evaluations.
                var moved = false;
                for (var scale = 1.0; scale >= 1.0 / 16 && !moved; scale /= 2)
                {
                    var trial = (double[])x.Clone();
                    for (var k = 0; k < m; k++) trial[free[k]] = Math.Max(bounds[free[k]], x[free[k]] + scale * step[k]);
                    var ft = f(trial, trialGradient);
                    if (!(ft < fx)) continue;
                    x = trial;
                    fx = ft;
                    Array.Copy(trialGradient, gradient, gradient.Length);
                    moved = true;
                }
                if (!moved) break;
            }
            certified = converged && atBound.All(i =>
            {
                var y = (double[])x.Clone();
                y[i] = 1e-4;
                return f(y, shifted) >= fx;
            });
        }
        return (start with { Point = x, Value = fx }, certified);
    }
}
