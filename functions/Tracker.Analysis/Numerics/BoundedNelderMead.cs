namespace Tracker.Analysis.Numerics;

/// <summary>
/// Nelder–Mead simplex minimisation with lower bounds enforced by projecting every trial point onto the
/// feasible box (as lme4's own Nelder_Mead does). Derivative-free because the profiled REML deviance has
/// no cheap gradient, and projection lets the optimum sit exactly on a bound (a singular fit).
/// </summary>
internal static class BoundedNelderMead
{
    public static OptimumResult Minimize(
        Func<double[], double> objective,
        double[] start,
        double[] lowerBounds,
        double[] initialSteps,
        double relativeValueTolerance = 1e-11,
        double pointTolerance = 1e-7,
        int maxEvaluations = 5000)
    {
        var d = start.Length;
        var evaluations = 0;
        double Evaluate(double[] x)
        {
            evaluations++;
            var value = objective(x);
            return double.IsNaN(value) ? double.PositiveInfinity : value;
        }
        void Project(double[] x)
        {
            for (var j = 0; j < d; j++) if (x[j] < lowerBounds[j]) x[j] = lowerBounds[j];
        }

        var simplex = new double[d + 1][];
        var values = new double[d + 1];
        simplex[0] = (double[])start.Clone();
        Project(simplex[0]);
        values[0] = Evaluate(simplex[0]);
        for (var i = 0; i < d; i++)
        {
            var vertex = (double[])simplex[0].Clone();
            vertex[i] += initialSteps[i];
            // A step that the bound would swallow would collapse the simplex: step the other way.
            if (vertex[i] < lowerBounds[i] || (vertex[i] == lowerBounds[i] && simplex[0][i] == lowerBounds[i])) vertex[i] = simplex[0][i] + Math.Abs(initialSteps[i]);
            Project(vertex);
            simplex[i + 1] = vertex;
            values[i + 1] = Evaluate(vertex);
        }

        var order = Enumerable.Range(0, d + 1).ToArray();
        var centroid = new double[d];
        var converged = false;
        while (evaluations < maxEvaluations)
        {
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[d];
            var secondWorst = order[d - 1 < 0 ? 0 : d - 1];
            var spread = 0.0;
            for (var i = 1; i <= d; i++)
                for (var j = 0; j < d; j++)
                    spread = Math.Max(spread, Math.Abs(simplex[order[i]][j] - simplex[best][j]));
            // Relative to the objective: a deviance of thousands carries rounding noise near 1e-12.
            if (Math.Abs(values[worst] - values[best]) <= relativeValueTolerance * (1 + Math.Abs(values[best])) && spread <= pointTolerance)
            {
                converged = true;
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i < d; i++)
                for (var j = 0; j < d; j++)
                    centroid[j] += simplex[order[i]][j] / d;

            double[] Along(double coefficient)
            {
                var x = new double[d];
                for (var j = 0; j < d; j++) x[j] = centroid[j] + coefficient * (simplex[worst][j] - centroid[j]);
                Project(x);
                return x;
            }

            var reflected = Along(-1);
            var reflectedValue = Evaluate(reflected);
            if (reflectedValue < values[best])
            {
                var expanded = Along(-2);
                var expandedValue = Evaluate(expanded);
                if (expandedValue < reflectedValue) Replace(worst, expanded, expandedValue);
                else Replace(worst, reflected, reflectedValue);
                continue;
            }
            if (reflectedValue < values[secondWorst])
            {
                Replace(worst, reflected, reflectedValue);
                continue;
            }
            var outside = reflectedValue < values[worst];
            var contracted = Along(outside ? -0.5 : 0.5);
            var contractedValue = Evaluate(contracted);
            if (contractedValue < (outside ? reflectedValue : values[worst]))
            {
                Replace(worst, contracted, contractedValue);
                continue;
            }
            for (var i = 1; i <= d; i++)
            {
                var index = order[i];
                for (var j = 0; j < d; j++) simplex[index][j] = simplex[best][j] + 0.5 * (simplex[index][j] - simplex[best][j]);
                Project(simplex[index]);
                values[index] = Evaluate(simplex[index]);
            }
        }

        var bestIndex = 0;
        for (var i = 1; i <= d; i++) if (values[i] < values[bestIndex]) bestIndex = i;
        return new OptimumResult(simplex[bestIndex], values[bestIndex], evaluations, converged);

        void Replace(int index, double[] point, double value)
        {
            simplex[index] = point;
            values[index] = value;
        }
    }
}
