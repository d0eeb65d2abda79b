using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Tracker.Analysis.Data;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The random-intercept cross-lagged panel model (Hamaker, Kuiper &amp; Grasman 2015) for two to four
/// constructs over three or more waves, fitted by maximum likelihood with full information over
/// missed waves, standard errors from the observed information (the Hessian of the log-likelihood),
/// as lavaan(model, missing = "ml", meanstructure = TRUE, int.ov.free = TRUE) does. A badly specified
/// request (unknown column, wrong number of constructs) throws <see cref="AnalysisException"/>; data
/// that cannot identify the model, or a fit that does not converge, give a fit whose Problem says why.
/// </summary>
public static class RiclpmModel
{
    public static RiclpmFit Fit(LongTable table, RiclpmSpecification specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(specification);
        Validate(specification);
        var panel = WidePanel.FromLong(table, specification.Subject, specification.Wave, specification.Constructs);
        return Fit(panel, specification.EqualLaggedPaths, cancellationToken);
    }

    public static RiclpmFit Fit(WidePanel panel, bool equalLaggedPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var specification = new RiclpmSpecification(panel.Constructs, equalLaggedPaths);
        Validate(specification);
        var waves = panel.Waves;
        if (waves.Count < RiclpmSpecification.MinimumWaves)
            return RiclpmFit.Failed(specification, waves, Invariant($"not identified: the RI-CLPM needs at least {RiclpmSpecification.MinimumWaves} waves to separate stable differences from within-person change; the data have {waves.Count}"));

        var patterns = MissingPatterns.Build(panel);
        var observed = patterns.ObservedCounts();
        for (var v = 0; v < panel.Variables; v++)
        {
            if (observed[v] == 0)
            {
                var construct = panel.Constructs[v % panel.Constructs.Count];
                var wave = waves[v / panel.Constructs.Count];
                return RiclpmFit.Failed(specification, waves, Invariant($"not identified: nobody answered {construct} in wave {wave}, so its within-person change at that wave cannot be estimated; leave that wave out or fit the constructs that were asked in every wave"));
            }
        }
        var pairs = patterns.PairCounts();
        for (var x = 0; x < panel.Variables; x++)
            for (var y = 0; y < x; y++)
                if (pairs[x * panel.Variables + y] == 0)
                    return RiclpmFit.Failed(specification, waves, Invariant($"not identified: nobody gave both {panel.VariableNames[x]} and {panel.VariableNames[y]}, so their covariance has no data"));

        var structure = new RiclpmStructure(panel.Constructs, waves, equalLaggedPaths);
        var p = structure.P;
        var moments = p + p * (p + 1) / 2;
        if (structure.Count > moments)
            return RiclpmFit.Failed(specification, waves, Invariant($"not identified: {structure.Count} parameters but only {moments} means and covariances"));
        if (patterns.Participants <= structure.Count / p + 1)
            return RiclpmFit.Failed(specification, waves, Invariant($"not identified: {patterns.Participants} participants are too few"));

        var likelihood = new FimlLikelihood(patterns);
        var n = patterns.Participants;
        var mu = new double[p];
        var sigma = new double[p * p];
        var a = new double[p * p];
        var sigmaWithin = new double[p * p];
        var gMu = new double[p];
        var gSigma = new double[p * p];
        double Objective(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            structure.Implied(theta, mu, sigma, a, sigmaWithin);
            var value = likelihood.NegativeLogLikelihood(mu, sigma, gMu, gSigma);
            if (!double.IsFinite(value)) return double.PositiveInfinity;
            structure.Gradient(gMu, gSigma, a, sigmaWithin, gradient);
            for (var i = 0; i < gradient.Length; i++) gradient[i] /= n;
            return value / n;
        }

        var exact = new RiclpmHessian(structure, likelihood);
        var result = LikelihoodMaximizer.Minimize(Objective, StartingValues(structure, patterns), cancellationToken, exactHessian: exact.At);
        if (!result.Converged || result.Hessian is null)
            return RiclpmFit.Failed(specification, waves, "not converged: " + (result.Message ?? "the optimiser stopped early"));

        var standardErrors = StandardErrors(result.Hessian, structure.Count, n, out var singular);
        if (singular is not null)
            return RiclpmFit.Failed(specification, waves, "not identified: " + singular);

        var logLikelihood = -result.Value * n;
        // The saturated model's EM starts from this fit's implied moments: closer to its maximum than the pairwise moments.
        structure.Implied(result.X, mu, sigma, a, sigmaWithin);
        var unrestricted = SaturatedModel.MaximumLogLikelihood(likelihood, mu, sigma, cancellationToken);
        var baseline = IndependenceModel.MaximumLogLikelihood(patterns);
        var measures = Measures(logLikelihood, unrestricted, baseline, structure.Count, moments, p, n);
        return new RiclpmFit(panel.Constructs, waves, equalLaggedPaths, null, measures, Parameters(structure, result.X, standardErrors));
    }

    private static void Validate(RiclpmSpecification specification)
    {
        var constructs = specification.Constructs;
        if (constructs.Count is < RiclpmSpecification.MinimumConstructs or > RiclpmSpecification.MaximumConstructs)
            throw new AnalysisException(Invariant($"the RI-CLPM takes {RiclpmSpecification.MinimumConstructs} to {RiclpmSpecification.MaximumConstructs} constructs; {constructs.Count} given"));
        var duplicate = constructs.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AnalysisException($"construct '{duplicate.Key}' is named twice in the RI-CLPM");
        if (constructs.Any(string.IsNullOrWhiteSpace)) throw new AnalysisException("an RI-CLPM construct name is empty");
    }

    private static RiclpmFitMeasures Measures(double logL, double unrestricted, double baseline, int npar, int moments, int p, int n)
    {
        var df = moments - npar;
        var chiSquare = Math.Max(0, 2 * (unrestricted - logL));
        var baselineDf = p * (p - 1) / 2;
        var baselineChiSquare = 2 * (unrestricted - baseline);
        // As lavaan: CFI = 1 − max(χ² − df, 0) / max(χ² − df, χ²_b − df_b, 0); RMSEA with N, not N − 1.
        var numerator = Math.Max(chiSquare - df, 0);
        var denominator = Math.Max(Math.Max(chiSquare - df, baselineChiSquare - baselineDf), 0);
        var cfi = denominator == 0 ? 1 : 1 - numerator / denominator;
        var rmsea = df > 0 ? Math.Sqrt(Math.Max(chiSquare / n / df - 1.0 / n, 0)) : 0;
        return new RiclpmFitMeasures(logL, npar, chiSquare, df, cfi, rmsea, n, unrestricted, baselineChiSquare, baselineDf);
    }

    /// <summary>√diag of the inverse observed information (N × the Hessian of the per-participant objective); null and a reason when it is singular.</summary>
    private static double[] StandardErrors(double[] hessian, int count, int n, out string? singular)
    {
        var information = Matrix<double>.Build.Dense(count, count, (i, j) => hessian[i * count + j]);
        var eigen = information.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var values = eigen.EigenValues.Select(e => e.Real).ToArray();
        var largest = values.Max(Math.Abs);
        var smallest = values.Min();
        if (!(smallest > 1e-9 * largest))
        {
            singular = Invariant($"the information matrix is singular (smallest eigenvalue {smallest:G3}), so some parameters cannot be told apart from each other with these data");
            return [];
        }
        var factor = (double[])hessian.Clone();
        if (!SmallMatrix.CholeskyInPlace(factor, count))
        {
            singular = "the information matrix is not positive definite";
            return [];
        }
        var inverse = SmallMatrix.InverseFromCholesky(factor, count);
        singular = null;
        return Enumerable.Range(0, count).Select(i => Math.Sqrt(inverse[i * count + i] / n)).ToArray();
    }

    private static List<RiclpmParameter> Parameters(RiclpmStructure structure, double[] theta, double[] standardErrors)
    {
        var rows = new List<RiclpmParameter>();
        // Reading order: lagged paths, within (co)variances, random intercepts, intercepts.
        foreach (var kind in new[] { SlotKind.Lagged, SlotKind.Within, SlotKind.RandomIntercept, SlotKind.Mean })
        {
            var slots = new List<(ParameterSlot Slot, int Index)>();
            for (var i = 0; i < structure.Count; i++)
                foreach (var slot in structure.Parameters[i])
                    if (slot.Kind == kind) slots.Add((slot, i));
            foreach (var (slot, i) in slots.OrderBy(s => s.Slot.Kind == SlotKind.Lagged ? s.Slot.Row / structure.C : 0))
                rows.Add(new RiclpmParameter(slot.Lhs, slot.Op, slot.Rhs, theta[i], standardErrors[i]));
        }
        return rows;
    }

    private static double[] StartingValues(RiclpmStructure structure, MissingPatterns patterns)
    {
        var (mean, s) = PairwiseMoments.Compute(patterns);
        int c = structure.C, t = structure.T, p = structure.P;
        // Random intercepts: the average covariance of two constructs across different waves.
        var r = new double[c * c];
        for (var x = 0; x < c; x++)
            for (var y = 0; y < c; y++)
            {
                var sum = 0.0;
                var count = 0;
                for (var k = 0; k < t; k++)
                    for (var j = 0; j < t; j++)
                        if (k != j)
                        {
                            sum += s[structure.Index(k, x) * p + structure.Index(j, y)];
                            count++;
                        }
                r[x * c + y] = sum / count;
            }
        var variance = new double[c];
        for (var x = 0; x < c; x++)
        {
            for (var k = 0; k < t; k++) variance[x] += s[structure.Index(k, x) * p + structure.Index(k, x)] / t;
            r[x * c + x] = Math.Max(r[x * c + x], 0.1 * variance[x]);
        }
        if (!IsPositiveDefinite(r, c))
            for (var x = 0; x < c; x++)
                for (var y = 0; y < c; y++) if (x != y) r[x * c + y] = 0;

        var theta = new double[structure.Count];
        for (var i = 0; i < structure.Count; i++)
        {
            var slot = structure.Parameters[i][0];
            theta[i] = slot.Kind switch
            {
                SlotKind.Mean => mean[slot.Row],
                SlotKind.RandomIntercept => r[slot.Row * c + slot.Col],
                SlotKind.Within when slot.Row == slot.Col => Math.Max(s[slot.Row * p + slot.Row] - r[(slot.Row % c) * c + slot.Row % c], 0.2 * s[slot.Row * p + slot.Row]),
                SlotKind.Within => 0.5 * (s[slot.Row * p + slot.Col] - r[(slot.Row % c) * c + slot.Col % c]),
                _ => 0,
            };
        }
        // Keep each wave's within covariance positive definite: drop the covariances if it is not.
        for (var k = 0; k < t; k++)
        {
            var block = new double[c * c];
            var indices = new List<(int Parameter, int X, int Y)>();
            for (var i = 0; i < structure.Count; i++)
            {
                var slot = structure.Parameters[i][0];
                if (slot.Kind != SlotKind.Within || slot.Row / c != k) continue;
                block[(slot.Row % c) * c + slot.Col % c] = block[(slot.Col % c) * c + slot.Row % c] = theta[i];
                indices.Add((i, slot.Row % c, slot.Col % c));
            }
            if (IsPositiveDefinite(block, c)) continue;
            foreach (var (i, x, y) in indices) if (x != y) theta[i] = 0;
        }
        return theta;
    }

    private static bool IsPositiveDefinite(double[] matrix, int n) => SmallMatrix.CholeskyInPlace((double[])matrix.Clone(), n);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
