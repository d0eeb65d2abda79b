using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Growth;

/// <summary>
/// lme4's optimisation module, made stubborn: a coarse bounded Nelder–Mead from lme4's start (T = I),
/// a probe of every small variance at exactly zero (boundary optimum: a singular fit), a Newton polish
/// with finite differences on the free parameters that certifies the optimum when the optimality conditions
/// hold, and otherwise a tight simplex restart that must fail to improve before the optimum is accepted
/// (Nelder–Mead alone can stall on a ridge, which is why lme4 sometimes stops short).
/// </summary>
internal static class ThetaOptimizer
{
    /// <summary>Improvements below this (absolute plus relative to the deviance) are rounding noise in the sums over groups.</summary>
    private static double ImprovementTolerance(double deviance) => 1e-9 + 1e-12 * Math.Abs(deviance);

    public static OptimumResult Minimize(Func<double[], double> deviance, double[] lowerBounds, int q)
    {
        var d = lowerBounds.Length;
        var start = RemlStart(q);
        var totalEvaluations = 0;
        // A coarse simplex search finds the basin; Newton steps then converge quadratically, which is far
        // cheaper than asking the simplex for many digits.
        var best = Run(deviance, start, lowerBounds, Enumerable.Repeat(0.25, d).ToArray(), 1e-7, 1e-3, ref totalEvaluations);
        best = ProbeBoundaries(deviance, best, lowerBounds, ref totalEvaluations);
        var converged = false;
        for (var round = 0; round < 4; round++)
        {
            var (polished, certified) = NewtonPolish(deviance, best, lowerBounds, ref totalEvaluations);
            if (certified)
            {
                best = polished;
                converged = true;
                break;
            }
            // A tight simplex restart around the polished point confirms it (and rescues a stalled search).
            var steps = polished.Point.Select(v => Math.Max(0.02 * Math.Abs(v), 2e-3)).ToArray();
            var check = Run(deviance, polished.Point, lowerBounds, steps, 1e-12, 1e-6, ref totalEvaluations);
            converged = check.Converged;
            var improved = check.Value < polished.Value - ImprovementTolerance(polished.Value);
            best = check.Value < polished.Value ? check : polished;
            if (!improved) break;
            best = ProbeBoundaries(deviance, best, lowerBounds, ref totalEvaluations);
        }
        return best with { Evaluations = totalEvaluations, Converged = converged };
    }

    /// <summary>A variance whose optimum is zero is approached only asymptotically by the simplex: try it exactly.</summary>
    private static OptimumResult ProbeBoundaries(Func<double[], double> deviance, OptimumResult best, double[] lowerBounds, ref int totalEvaluations)
    {
        var d = lowerBounds.Length;
        for (var i = 0; i < d; i++)
        {
            if (lowerBounds[i] != 0 || best.Point[i] == 0 || best.Point[i] > 0.1) continue;
            var fixedIndex = i;
            var reduced = Enumerable.Range(0, d).Where(j => j != fixedIndex).ToArray();
            double Restricted(double[] free)
            {
                var full = new double[d];
                for (var k = 0; k < reduced.Length; k++) full[reduced[k]] = free[k];
                return deviance(full);
            }
            var freeStart = reduced.Select(j => best.Point[j]).ToArray();
            var freeBounds = reduced.Select(j => lowerBounds[j]).ToArray();
            var freeSteps = freeStart.Select(v => Math.Max(0.05 * Math.Abs(v), 0.01)).ToArray();
            var onBoundary = freeStart.Length == 0
                ? new OptimumResult([], deviance(new double[d]), 1, true)
                : Run(Restricted, freeStart, freeBounds, freeSteps, 1e-9, 1e-4, ref totalEvaluations);
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

    private static OptimumResult Run(Func<double[], double> f, double[] start, double[] bounds, double[] steps, double relativeTolerance, double pointTolerance, ref int evaluations)
    {
        var result = BoundedNelderMead.Minimize(f, start, bounds, steps, relativeTolerance, pointTolerance);
        evaluations += result.Evaluations;
        return result;
    }

    /// <summary>
    /// Newton steps on the parameters not held at a bound, with a central-difference gradient and Hessian;
    /// each step is kept only when the deviance goes down, so the polish can never make a fit worse.
    /// Certified means the optimality conditions hold at the result: the Hessian of the free parameters is
    /// positive definite, the predicted Newton decrease is below rounding noise, and the deviance rises when
    /// any parameter held at zero moves off its bound — then no confirming simplex restart is needed.
    /// </summary>
    private static (OptimumResult Result, bool Certified) NewtonPolish(Func<double[], double> f, OptimumResult start, double[] bounds, ref int evaluations)
    {
        var x = (double[])start.Point.Clone();
        var fx = start.Value;
        var free = Enumerable.Range(0, x.Length).Where(i => !(bounds[i] == 0 && x[i] == 0)).ToArray();
        var atBound = Enumerable.Range(0, x.Length).Where(i => bounds[i] == 0 && x[i] == 0).ToArray();
        var m = free.Length;
        if (m == 0) return (start, false);
        var used = 0;
        var certified = false;
        for (var iteration = 0; iteration < 8; iteration++)
        {
            var h = free.Select(i => 1e-4 * Math.Max(1, Math.Abs(x[i]))).ToArray();
            if (free.Select((i, k) => x[i] - h[k] < bounds[i]).Any(tooClose => tooClose)) break;
            var gradient = new double[m];
            var hessian = new double[m * m];
            double At(int a, double da, int b, double db)
            {
                var y = (double[])x.Clone();
                y[free[a]] += da;
                if (b >= 0) y[free[b]] += db;
                used++;
                return f(y);
            }
            for (var a = 0; a < m; a++)
            {
                var plus = At(a, h[a], -1, 0);
                var minus = At(a, -h[a], -1, 0);
                gradient[a] = (plus - minus) / (2 * h[a]);
                hessian[a * m + a] = (plus - 2 * fx + minus) / (h[a] * h[a]);
                for (var b = 0; b < a; b++)
                {
                    var value = (At(a, h[a], b, h[b]) - At(a, h[a], b, -h[b]) - At(a, -h[a], b, h[b]) + At(a, -h[a], b, -h[b])) / (4 * h[a] * h[b]);
                    hessian[a * m + b] = value;
                    hessian[b * m + a] = value;
                }
            }
            var factor = (double[])hessian.Clone();
            if (!SmallMatrix.CholeskyInPlace(factor, m)) break;
            var step = gradient.Select(g => -g).ToArray();
            SmallMatrix.ForwardSolve(factor, m, step, 1);
            SmallMatrix.BackSolveTransposed(factor, m, step);
            var predicted = 0.0;
            for (var k = 0; k < m; k++) predicted -= 0.5 * gradient[k] * step[k];
            if (predicted <= ImprovementTolerance(fx))
            {
                certified = atBound.All(i =>
                {
                    var y = (double[])x.Clone();
                    y[i] = 1e-4;
                    used++;
                    return f(y) >= fx;
                });
                break;
            }
            var trial = (double[])x.Clone();
            for (var k = 0; k < m; k++) trial[free[k]] = Math.Max(bounds[free[k]], x[free[k]] + step[k]);
            used++;
            var ft = f(trial);
            if (!(ft < fx)) break;
            x = trial;
            fx = ft;
        }
        evaluations += used;
        return (start with { Point = x, Value = fx }, certified);
    }
}
