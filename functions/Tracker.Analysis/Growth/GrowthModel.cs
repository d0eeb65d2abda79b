using Tracker.Analysis.Data;
using Tracker.Analysis.Formula;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Growth;

/// <summary>
/// Fits lme4's lmer model class by REML for one grouping factor: formula → cross-products
/// (GroupedCrossProducts), profiled deviance (RemlObjective), θ optimisation (ThetaOptimizer), output.
/// Identification checks mirror lme4's so the same data fail the same way, with a message a researcher can act on.
/// </summary>
public static class GrowthModel
{
    /// <summary>A scaled θ diagonal below this is a variance at its bound (lme4's isSingular tolerance, on standardised slopes).</summary>
    public const double SingularTolerance = 1e-4;

    public static GrowthFit Fit(LongTable table, string formula) => Fit(table, ModelFormula.Parse(formula));

    public static GrowthFit Fit(LongTable table, ModelFormula formula)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(formula);
        var data = GroupedCrossProducts.Build(table, formula);
        CheckIdentifiable(data, formula);

        var objective = new RemlObjective(data);
        var gradient = new RemlGradient(data);
        var optimum = ThetaOptimizer.Minimize(gradient.Evaluate, objective.LowerBounds(), data.Q);
        var solution = objective.Solve(optimum.Point);
        if (!solution.Valid)
            throw new UnidentifiableModelException($"the growth model '{formula}' could not be fitted: the fixed-effect system became singular");

        int n = data.Observations, p = data.P, q = data.Q;
        var sigma2 = solution.PenalisedRss / (n - p);
        var names = formula.FixedNames;
        var fixedEffects = names
            .Select((name, i) => new FixedEffect(name, solution.Beta[i], Math.Sqrt(sigma2 * solution.FixedCovarianceUnscaled[i * p + i])))
            .ToList();

        // Back from standardised slopes: T = S⁻¹ T̃, so Σ = σ² T T' in the data's own units.
        var scaled = RemlObjective.Factor(optimum.Point, q);
        var factor = new double[q * q];
        for (var i = 0; i < q; i++)
            for (var j = 0; j <= i; j++) factor[i * q + j] = scaled[i * q + j] / data.ZScales[i];
        var covariance = new double[q * q];
        for (var i = 0; i < q; i++)
            for (var j = 0; j < q; j++)
            {
                var sum = 0.0;
                for (var k = 0; k <= Math.Min(i, j); k++) sum += factor[i * q + k] * factor[j * q + k];
                covariance[i * q + j] = sigma2 * sum;
            }
        var random = Summarise(formula.Random, covariance, Math.Sqrt(sigma2));

        var theta = new List<double>();
        for (var column = 0; column < q; column++)
            for (var row = column; row < q; row++) theta.Add(factor[row * q + column]);

        var atBound = new List<string>();
        var effectNames = formula.Random.EffectNames;
        for (var i = 0; i < q; i++)
        {
            if (scaled[i * q + i] >= SingularTolerance) continue;
            atBound.Add(i == 0 ? $"the variance of '{effectNames[0]}' is estimated at zero"
                               : q == 2 && scaled[q] != 0 ? $"the correlation of '{effectNames[0]}' and '{effectNames[1]}' is estimated at {(random.Correlation ?? 0):+0.###;-0.###}"
                               : $"the variance of '{effectNames[i]}' is estimated at zero");
        }
        var singular = atBound.Count > 0;
        var messages = new List<string>();
        if (singular) messages.Add($"boundary (singular) fit: {string.Join("; ", atBound)}");
        if (!optimum.Converged) messages.Add("the optimiser stopped at its evaluation limit before meeting its tolerance");

        return new GrowthFit(
            formula.Text,
            n,
            data.Groups,
            solution.Deviance,
            fixedEffects,
            random,
            optimum.Converged,
            singular,
            messages.Count == 0 ? null : string.Join("; ", messages),
            theta,
            optimum.Evaluations);
    }

    private static RandomEffects Summarise(RandomTerm term, double[] covariance, double sdResidual)
    {
        var q = term.Size;
        var slope = term.Slopes.Count == 1 ? term.Slopes[0] : null;
        if (term.Intercept && q == 2)
        {
            var sd0 = Math.Sqrt(covariance[0]);
            var sd1 = Math.Sqrt(covariance[3]);
            var correlation = sd0 > 0 && sd1 > 0 ? Math.Clamp(covariance[1] / (sd0 * sd1), -1, 1) : double.NaN;
            return new RandomEffects(term.Group, sd0, slope, sd1, correlation, sdResidual);
        }
        return term.Intercept
            ? new RandomEffects(term.Group, Math.Sqrt(covariance[0]), null, null, null, sdResidual)
            : new RandomEffects(term.Group, null, slope, Math.Sqrt(covariance[0]), null, sdResidual);
    }

    private static void CheckIdentifiable(GroupedCrossProducts data, ModelFormula formula)
    {
        var group = formula.Random.Group;
        if (data.Observations == 0)
            throw new UnidentifiableModelException($"no row has every column of '{formula}' filled in");
        if (data.Groups < 3)
            throw new UnidentifiableModelException($"the growth model needs at least three groups in '{group}' to estimate how they vary; the data have {data.Groups}");
        if (data.Groups >= data.Observations)
            throw new UnidentifiableModelException($"every group in '{group}' has a single observation ({data.Observations} rows, {data.Groups} groups): variation between groups cannot be told apart from residual noise");
        if (data.Observations <= data.Q * data.Groups)
            throw new UnidentifiableModelException($"the number of observations ({data.Observations}) is not more than the number of random effects ({data.Q * data.Groups}) for the term {formula.Random}: the random-effects parameters and the residual variance are unidentifiable");
        if (data.Observations <= data.P)
            throw new UnidentifiableModelException($"{data.Observations} observations cannot estimate {data.P} fixed effects");
        if (data.ResponseMin == data.ResponseMax)
            throw new UnidentifiableModelException($"the outcome '{formula.Response}' is constant ({data.ResponseMin}) in every row: there is no variation to model");

        var xtx = (double[])data.XtX.Clone();
        if (!SmallMatrix.CholeskyInPlace(xtx, data.P, 1e-10, out var failed))
        {
            var name = formula.FixedNames[failed];
            throw new UnidentifiableModelException(failed == 0 || data.XtX[failed * data.P + failed] == 0
                ? $"the fixed-effect column '{name}' is zero in every row"
                : $"the fixed-effect column '{name}' is a linear combination of the columns before it (rank-deficient model): drop it from the formula");
        }
    }
}
