using Tracker.Engine.Instruments;

namespace Tracker.Engine.Scoring;

/// <summary>Turns one participant's item answers into construct scores.</summary>
public static class ConstructScorer
{
    /// <summary>
    /// The score of every construct of <paramref name="instrument"/>, keyed by construct id in instrument order.
    /// </summary>
    /// <remarks>
    /// <para>A construct's score is the mean of its answered items, where a reverse-keyed item counts as
    /// <see cref="ResponseScale.Reverse"/> of the answer (on 1..7, an answer of 2 counts as 6), so that a high score
    /// always means more of the construct.</para>
    /// <para>The score is present only when at least ⌈2/3 × the construct's item count⌉ items are answered
    /// (<see cref="MinimumAnswered"/>: 2 of 3 in the default instrument); otherwise it is <see langword="null"/>.
    /// A mean of one item out of three is too unreliable to track, and treating a missing item as a midpoint
    /// would pull everyone towards the middle of the scale.</para>
    /// <para>An item is unanswered when its id is absent from <paramref name="answers"/> or its value lies outside the
    /// scale; values outside the scale cannot come through <c>AnswerParser</c>, so they can only be damaged data, which
    /// must not move a score. Answers for ids the instrument does not have are ignored.</para>
    /// </remarks>
    public static IReadOnlyDictionary<string, double?> Score(Instrument instrument, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);

        var scores = new Dictionary<string, double?>(instrument.Constructs.Count, StringComparer.Ordinal);
        foreach (var construct in instrument.Constructs)
        {
            scores[construct.Id] = Score(construct, instrument.Scale, answers);
        }

        return scores;
    }

    /// <summary>The score of one construct, by the rule documented on <see cref="Score(Instrument, IReadOnlyDictionary{string, int})"/>.</summary>
    public static double? Score(Construct construct, ResponseScale scale, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(construct);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(answers);

        var sum = 0.0;
        var answered = 0;
        foreach (var item in construct.Items)
        {
            if (answers.TryGetValue(item.Id, out var value) && scale.Contains(value))
            {
                sum += item.Reversed ? scale.Reverse(value) : value;
                answered++;
            }
        }

        return answered > 0 && answered >= MinimumAnswered(construct.Items.Count) ? sum / answered : null;
    }

    /// <summary>⌈2n/3⌉: how many of a construct's <paramref name="itemCount"/> items must be answered for a score.</summary>
    public static int MinimumAnswered(int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        return (2 * itemCount + 2) / 3;
    }
}
