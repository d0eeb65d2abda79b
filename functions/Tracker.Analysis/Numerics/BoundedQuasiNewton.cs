namespace Tracker.Analysis.Numerics;

/// <summary>
/// BFGS with lower bounds by projection: a parameter at its bound whose gradient points out of the box is held
/// there for the step, the others move along the quasi-Newton direction of the free block, and every trial point
/// is projected back onto the box (so a variance can land on exactly zero). A backtracking line search with the
/// Armijo condition accepts a step only when the objective goes down, so the search can never make a fit worse.
/// </summary>
/// <remarks>
/// With an exact gradient (the profiled REML deviance has one, <c>RemlGradient</c>) this needs tens of
/// evaluations where a simplex needs about a hundred; the caller still certifies the result (Hessian, bounds).
/// </remarks>
internal static class BoundedQuasiNewton
{
    /// <param name="objective">The value at x, with the gradient written to its second argument.</param>
    /// <param name="tolerance">Stop once the predicted or the achieved decrease of a step is below this.</param>
    public static OptimumResult Minimize(Func<double[], double[], double> objective, double[] start, double[] lowerBounds, double tolerance, int maxEvaluations = 200)
    {
        var d = start.Length;
        var evaluations = 0;
        double Evaluate(double[] point, double[] gradient)
        {
            evaluations++;
            var value = objective(point, gradient);
            return double.IsFinite(value) && gradient.All(double.IsFinite) ? value : double.PositiveInfinity;
        }

        var x = (double[])start.Clone();
        for (var j = 0; j < d; j++) x[j] = Math.Max(x[j], lowerBounds[j]);
        var g = new double[d];
        var fx = Evaluate(x, g);
        if (double.IsPositiveInfinity(fx)) return new OptimumResult(x, fx, evaluations, false);

        var hessian = Identity(d);
        var scaled = false;
        var converged = false;
        var direction = new double[d];
        var trial = new double[d];
        var trialGradient = new double[d];
        while (evaluations < maxEvaluations)
        {
            var free = Enumerable.Range(0, d).Where(j => !(x[j] <= lowerBounds[j] && g[j] > 0)).ToArray();
            if (free.Length == 0)
            {
                converged = true;
                break;
            }
            if (!Direction(hessian, g, free, direction))
            {
                hessian = Identity(d);
                scaled = false;
                Direction(hessian, g, free, direction);
            }
            var predicted = 0.0;
            foreach (var j in free) predicted -= 0.5 * g[j] * direction[j];
            if (predicted <= tolerance)
            {
                converged = true;
                break;
            }

            if (!scaled)
            {
                // Steepest descent before any curvature is known: θ is of order one (the slopes are standardised), so a
                // first move of at most a quarter keeps the line search from starting far out where the deviance is flat.
                var longest = direction.Max(Math.Abs);
                if (longest > 0.25)
                    for (var j = 0; j < d; j++) direction[j] *= 0.25 / longest;
            }
            var step = 1.0;
            var accepted = false;
            double ft = double.PositiveInfinity;
            while (evaluations < maxEvaluations && step > 1e-12)
            {
                for (var j = 0; j < d; j++) trial[j] = Math.Max(lowerBounds[j], x[j] + step * direction[j]);
                ft = Evaluate(trial, trialGradient);
                var slope = 0.0;
                for (var j = 0; j < d; j++) slope += g[j] * (trial[j] - x[j]);
                if (ft <= fx + 1e-4 * slope && ft < fx)
                {
                    accepted = true;
                    break;
                }
                // Backtrack to the minimum of the quadratic through f(x), its slope and f(trial), kept within [0.1, 0.5] of the step.
                var quadratic = double.IsFinite(ft) && slope < 0 ? -slope * step / (2 * (ft - fx - slope)) : 0.1 * step;
                step = Math.Clamp(quadratic, 0.1 * step, 0.5 * step);
            }
            if (!accepted) break;

            var s = new double[d];
            var y = new double[d];
            for (var j = 0; j < d; j++)
            {
                s[j] = trial[j] - x[j];
                y[j] = trialGradient[j] - g[j];
            }
            var improvement = fx - ft;
            Array.Copy(trial, x, d);
            Array.Copy(trialGradient, g, d);
            fx = ft;
            Update(hessian, s, y, ref scaled);
            if (improvement <= tolerance)
            {
                converged = true;
                break;
            }
        }
        return new OptimumResult(x, fx, evaluations, converged);
    }

    /// <summary>Solves B_ff p_f = −g_f on the free parameters (0 elsewhere); false when B_ff is not positive definite or p is not downhill.</summary>
    private static bool Direction(double[] hessian, double[] g, int[] free, double[] direction)
    {
        var d = g.Length;
        var m = free.Length;
        var block = new double[m * m];
        for (var a = 0; a < m; a++)
            for (var b = 0; b < m; b++) block[a * m + b] = hessian[free[a] * d + free[b]];
        Array.Clear(direction);
        if (!SmallMatrix.CholeskyInPlace(block, m)) return false;
        var step = free.Select(j => -g[j]).ToArray();
        SmallMatrix.ForwardSolve(block, m, step, 1);
        SmallMatrix.BackSolveTransposed(block, m, step);
        var slope = 0.0;
        for (var a = 0; a < m; a++)
        {
            direction[free[a]] = step[a];
            slope += g[free[a]] * step[a];
        }
        return slope < 0;
    }

    /// <summary>The BFGS update of the Hessian approximation, skipped when the curvature s'y is not positive (it would lose definiteness).</summary>
    private static void Update(double[] hessian, double[] s, double[] y, ref bool scaled)
    {
        var d = s.Length;
        double sy = 0, yy = 0, ss = 0;
        for (var j = 0; j < d; j++)
        {
            sy += s[j] * y[j];
            yy += y[j] * y[j];
            ss += s[j] * s[j];
        }
        if (!(sy > 1e-12 * Math.Sqrt(ss * yy))) return;
        if (!scaled)
        {
            // The first curvature seen sets the identity's scale (Nocedal & Wright 6.20), so the next step has the right length.
            var factor = yy / sy;
            for (var k = 0; k < hessian.Length; k++) hessian[k] *= factor;
            scaled = true;
        }
        var bs = new double[d];
        var sbs = 0.0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++) bs[i] += hessian[i * d + j] * s[j];
            sbs += s[i] * bs[i];
        }
        if (!(sbs > 0)) return;
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++) hessian[i * d + j] += y[i] * y[j] / sy - bs[i] * bs[j] / sbs;
    }

    private static double[] Identity(int d)
    {
        var identity = new double[d * d];
        for (var j = 0; j < d; j++) identity[j * d + j] = 1;
        return identity;
    }
}
