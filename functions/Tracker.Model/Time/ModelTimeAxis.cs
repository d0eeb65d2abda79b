namespace Tracker.Model.Time;

/// <summary>
/// The time variable of every model and export, and the one place its wording lives: <c>days</c> = (this response's
/// submitted_at − submitted_at of the same participant's response in the earliest wave they answered) in days, rounded
/// to 4 decimals (≈ 9 s). It is 0 in a participant's first answered wave, whichever wave that is, so late joiners start
/// at 0 like everyone else. Chart axes, email footers, findings, the stored document and the codebook all read their
/// wording here, so none of them can state a different axis from the one the model was fitted on.
/// </summary>
public static class ModelTimeAxis
{
    /// <summary>The column name in the long table, the exports and the growth formula.</summary>
    public const string Column = "days";

    /// <summary>Rounding happens once, here, so the CSV and Tracker's own models use the very same numbers.</summary>
    public const int Decimals = 4;

    private const string Phrase = "days since the participant's first answered wave";

    /// <summary>What <c>days</c> means, in words: "days since the participant's first answered wave".</summary>
    public static string Describe() => Phrase;

    /// <summary>The chart axis title: <see cref="Describe"/> with a capital letter.</summary>
    public static string AxisTitle() => char.ToUpperInvariant(Phrase[0]) + Phrase[1..];

    /// <summary>The footer sentence of every summary: "Time is counted in days since …".</summary>
    public static string Sentence() => $"Time is counted in {Phrase}.";

    /// <summary>The exact definition, for the codebook: how the number is computed from the timestamps.</summary>
    public static string Definition() =>
        $"{Phrase}: (submitted_at − submitted_at of the participant's earliest answered wave) / 86400 s, rounded to {Decimals} decimals; 0 in that first wave";

    /// <summary>Days from the participant's first answered submission to this one, rounded to <see cref="Decimals"/>.</summary>
    public static double Between(DateTimeOffset first, DateTimeOffset submitted) =>
        Math.Round((submitted - first).TotalDays, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Each participant's submission time in the earliest wave they answered.</summary>
    public static Dictionary<string, DateTimeOffset> FirstAnswered(IEnumerable<TimedAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var first = new Dictionary<string, (int Wave, DateTimeOffset SubmittedAt)>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (!first.TryGetValue(answer.ParticipantId, out var seen) || answer.Wave < seen.Wave)
            {
                first[answer.ParticipantId] = (answer.Wave, answer.SubmittedAt);
            }
        }

        return first.ToDictionary(p => p.Key, p => p.Value.SubmittedAt, StringComparer.Ordinal);
    }

    /// <summary>A wave's position on the axis: the mean of its responses' days, rounded like them.</summary>
    public static double WaveMean(IEnumerable<double> days) => Math.Round(days.Average(), Decimals);
}
