namespace Tracker.Engine.Exports;

/// <summary>
/// The time variable of every export and model: <c>days</c> = (this response's submitted_at − submitted_at of the same
/// participant's response in the earliest wave they answered) in days, rounded to 4 decimals (≈ 9 s). It is 0 in a
/// participant's first answered wave, whichever wave that is, so late joiners start at 0 like everyone else.
/// Rounding happens here, once, so the CSV and Tracker's own models use the very same numbers.
/// </summary>
public static class ParticipantDays
{
    public const int Decimals = 4;

    public static double Between(DateTimeOffset first, DateTimeOffset submitted) =>
        Math.Round((submitted - first).TotalDays, Decimals, MidpointRounding.AwayFromZero);
}
