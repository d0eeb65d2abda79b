using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

using Tracker.Analysis;
using Tracker.Analysis.Careless;

namespace Tracker.Engine.Tests.Careless;

/// <summary>
/// THE COMPUTATION AS IT WAS before the per-wave scorer (session 7), kept only to prove the fast path equal to it.
/// Careless-answer indices per response of one wave (Curran 2016; Meade &amp; Craig 2012), as pure statistics:
/// the caller passes each item's construct (in the form's item order) and the responses; nothing is read or stored.
/// Definitions, including how skipped items are handled, are in docs/analysis.md ("Careless answers").
/// </summary>
internal static class ReferenceCarelessIndices
{
    /// <summary>Fewest constructs with both halves answered for an even–odd correlation (Curran 2016: the correlation needs several pairs).</summary>
    public const int MinimumEvenOddConstructs = 3;

    public static IReadOnlyList<CarelessScores> Score(IReadOnlyList<string> itemConstructs, IReadOnlyList<CarelessResponse> responses, CarelessThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(itemConstructs);
        ArgumentNullException.ThrowIfNull(responses);
        thresholds ??= CarelessThresholds.Default;
        thresholds.Validate();
        var k = itemConstructs.Count;
        if (k == 0) throw new AnalysisException("careless-answer indices need at least one item");
        for (var i = 0; i < responses.Count; i++)
        {
            var answers = responses[i].Answers;
            if (answers.Count != k)
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"response {i + 1} has {answers.Count} answers but the wave has {k} items"));
            if (answers.Any(a => a is { } v && !double.IsFinite(v)))
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"response {i + 1} has an answer that is not a finite number"));
        }

        var moments = WaveMoments.FromCompleteResponses(responses, k);
        var scores = new List<CarelessScores>(responses.Count);
        foreach (var response in responses)
        {
            var longString = LongString(response.Answers);
            var irv = Irv(response.Answers);
            var (d2, df, p) = moments?.Distance(response.Answers) ?? (null, 0, null);
            var r = EvenOddCorrelation(itemConstructs, response.Answers);
            var evenOdd = r is { } value ? SpearmanBrown(value) : (double?)null;
            var seconds = response.SecondsToSubmit;

            var flags = CarelessFlags.None;
            if (longString >= thresholds.LongStringShare * k) flags |= CarelessFlags.LongString;
            if (irv <= thresholds.MinimumIrv) flags |= CarelessFlags.LowVariability;
            if (p < thresholds.MahalanobisPValue) flags |= CarelessFlags.Outlier;
            if (evenOdd < thresholds.MinimumEvenOdd) flags |= CarelessFlags.Inconsistent;
            if (seconds < thresholds.MinimumSecondsPerItem * k) flags |= CarelessFlags.TooFast;
            scores.Add(new CarelessScores(longString, irv, d2, df, p, r, evenOdd, seconds, flags));
        }
        return scores;
    }

    /// <summary>The longest run of identical consecutive answers in item order; a skipped item ends a run.</summary>
    public static int LongString(IReadOnlyList<double?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        int best = 0, run = 0;
        double? previous = null;
        foreach (var answer in answers)
        {
            run = answer is null ? 0 : answer == previous ? run + 1 : 1;
            previous = answer;
            best = Math.Max(best, run);
        }
        return best;
    }

    /// <summary>Intra-individual response variability: the sample SD (n − 1) of the answered items; null below two answers.</summary>
    public static double? Irv(IReadOnlyList<double?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var given = answers.Where(a => a is not null).Select(a => a!.Value).ToArray();
        if (given.Length < 2) return null;
        var mean = given.Average();
        return Math.Sqrt(given.Sum(v => (v - mean) * (v - mean)) / (given.Length - 1));
    }

    /// <summary>
    /// Pearson r, across constructs, between the mean of each construct's odd-positioned items (1st, 3rd, … in item
    /// order within the construct) and of its even-positioned items, each over the items answered; a construct with
    /// either half unanswered is left out. Null with fewer than <see cref="MinimumEvenOddConstructs"/> constructs or a
    /// half that does not vary across them.
    /// </summary>
    public static double? EvenOddCorrelation(IReadOnlyList<string> itemConstructs, IReadOnlyList<double?> answers)
    {
        ArgumentNullException.ThrowIfNull(itemConstructs);
        ArgumentNullException.ThrowIfNull(answers);
        var odd = new List<double>();
        var even = new List<double>();
        foreach (var construct in itemConstructs.Distinct(StringComparer.Ordinal))
        {
            double oddSum = 0, evenSum = 0;
            int oddCount = 0, evenCount = 0, position = 0;
            for (var i = 0; i < itemConstructs.Count; i++)
            {
                if (!string.Equals(itemConstructs[i], construct, StringComparison.Ordinal)) continue;
                position++;
                if (answers[i] is not { } value) continue;
                if (position % 2 == 1) { oddSum += value; oddCount++; }
                else { evenSum += value; evenCount++; }
            }
            if (oddCount == 0 || evenCount == 0) continue;
            odd.Add(oddSum / oddCount);
            even.Add(evenSum / evenCount);
        }
        if (odd.Count < MinimumEvenOddConstructs) return null;
        double oddMean = odd.Average(), evenMean = even.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < odd.Count; i++)
        {
            sxy += (odd[i] - oddMean) * (even[i] - evenMean);
            sxx += (odd[i] - oddMean) * (odd[i] - oddMean);
            syy += (even[i] - evenMean) * (even[i] - evenMean);
        }
        if (sxx == 0 || syy == 0) return null;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>The Spearman–Brown step-up of a half-length correlation to full length, 2r/(1 + r); −∞ at r = −1.</summary>
    public static double SpearmanBrown(double r) => r <= -1 ? double.NegativeInfinity : 2 * r / (1 + r);

    /// <summary>The wave's mean and covariance (n − 1) over the responses that answered every item.</summary>
    private sealed class WaveMoments(Vector<double> mean, Matrix<double> covariance)
    {
        public static WaveMoments? FromCompleteResponses(IReadOnlyList<CarelessResponse> responses, int k)
        {
            var complete = responses.Where(r => r.Answers.All(a => a is not null)).ToArray();
            if (complete.Length <= k) return null;
            var data = Matrix<double>.Build.Dense(complete.Length, k, (i, j) => complete[i].Answers[j]!.Value);
            var mean = Vector<double>.Build.Dense(k, j => data.Column(j).Average());
            var centred = data - Matrix<double>.Build.Dense(complete.Length, k, (_, j) => mean[j]);
            var covariance = centred.TransposeThisAndMultiply(centred) / (complete.Length - 1);
            return covariance.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real) > 1e-10 * covariance.Diagonal().Maximum()
                ? new WaveMoments(mean, covariance)
                : null;
        }

        /// <summary>D² over the answered items (the mean's and covariance's sub-vector and sub-matrix), its df and upper-tail χ² p.</summary>
        public (double? D2, int Df, double? P) Distance(IReadOnlyList<double?> answers)
        {
            var given = Enumerable.Range(0, answers.Count).Where(j => answers[j] is not null).ToArray();
            if (given.Length == 0) return (null, 0, null);
            var d = Vector<double>.Build.Dense(given.Length, a => answers[given[a]]!.Value - mean[given[a]]);
            var sub = Matrix<double>.Build.Dense(given.Length, given.Length, (a, b) => covariance[given[a], given[b]]);
            var d2 = d.DotProduct(sub.Cholesky().Solve(d));
            return (d2, given.Length, 1 - ChiSquared.CDF(given.Length, d2));
        }
    }
}
