using System.Globalization;

namespace Tracker.Analysis.Careless;

/// <summary>
/// Careless-answer indices per response of one wave (Curran 2016; Meade &amp; Craig 2012), as pure statistics:
/// the caller passes each item's construct (in the form's item order) and the responses; nothing is read or stored.
/// Definitions, including how skipped items are handled, are in docs/analysis.md ("Careless answers").
/// </summary>
public static class CarelessIndices
{
    /// <summary>Fewest constructs with both halves answered for an even–odd correlation (Curran 2016: the correlation needs several pairs).</summary>
    public const int MinimumEvenOddConstructs = 3;

    /// <summary>
    /// The scores of a wave given as a list of responses (a convenience over <see cref="CarelessWave"/> and
    /// <see cref="CarelessScorer"/>, which the product uses to hold a wave compactly).
    /// </summary>
    public static IReadOnlyList<CarelessScores> Score(IReadOnlyList<string> itemConstructs, IReadOnlyList<CarelessResponse> responses, CarelessThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(itemConstructs);
        ArgumentNullException.ThrowIfNull(responses);
        var scorer = new CarelessScorer(itemConstructs, thresholds);
        return scorer.Score(Wave(itemConstructs.Count, responses));
    }

    /// <summary>The responses as a <see cref="CarelessWave"/>; a null answer is one not given.</summary>
    public static CarelessWave Wave(int items, IReadOnlyList<CarelessResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var wave = new CarelessWave(items, responses.Count);
        for (var i = 0; i < responses.Count; i++)
        {
            var answers = responses[i].Answers;
            var values = new double[answers.Count];
            for (var j = 0; j < values.Length; j++)
            {
                if (answers[j] is { } v && !double.IsFinite(v))
                    throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"response {i + 1} has an answer that is not a finite number"));
                values[j] = answers[j] ?? double.NaN;
            }

            wave.Add(values, responses[i].SecondsToSubmit);
        }

        return wave;
    }

    /// <summary>The longest run of identical consecutive answers in item order; a skipped item ends a run.</summary>
    public static int LongString(IReadOnlyList<double?> answers) => LongString(Values(answers));

    /// <summary><see cref="LongString(IReadOnlyList{double?})"/> of answers with NaN for a skipped item.</summary>
    public static int LongString(ReadOnlySpan<double> answers)
    {
        int best = 0, run = 0;
        var previous = double.NaN;
        foreach (var answer in answers)
        {
            run = double.IsNaN(answer) ? 0 : answer == previous ? run + 1 : 1;
            previous = answer;
            best = Math.Max(best, run);
        }
        return best;
    }

    /// <summary>Intra-individual response variability: the sample SD (n − 1) of the answered items; null below two answers.</summary>
    public static double? Irv(IReadOnlyList<double?> answers) => Irv(Values(answers));

    /// <summary><see cref="Irv(IReadOnlyList{double?})"/> of answers with NaN for a skipped item.</summary>
    public static double? Irv(ReadOnlySpan<double> answers)
    {
        double sum = 0;
        var count = 0;
        foreach (var answer in answers)
        {
            if (double.IsNaN(answer)) continue;
            sum += answer;
            count++;
        }

        if (count < 2) return null;
        var mean = sum / count;
        double squares = 0;
        foreach (var answer in answers)
        {
            if (!double.IsNaN(answer)) squares += (answer - mean) * (answer - mean);
        }

        return Math.Sqrt(squares / (count - 1));
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
        return new EvenOddHalves(itemConstructs).Correlation(Values(answers));
    }

    /// <summary>The Spearman–Brown step-up of a half-length correlation to full length, 2r/(1 + r); −∞ at r = −1.</summary>
    public static double SpearmanBrown(double r) => r <= -1 ? double.NegativeInfinity : 2 * r / (1 + r);

    private static double[] Values(IReadOnlyList<double?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var values = new double[answers.Count];
        for (var i = 0; i < values.Length; i++) values[i] = answers[i] ?? double.NaN;
        return values;
    }
}
