namespace Tracker.Model.Models;

/// <summary>One participant's answers to one wave, as the model fit reads them (the pseudonymous id only, nothing personal).</summary>
public sealed record ResponseRecord(string ParticipantId, int Wave, IReadOnlyDictionary<string, double?> Scores, IReadOnlyDictionary<string, int> Answers)
{
    /// <summary>
    /// The response's time in days since the participant's first answered wave (the exports' <c>days</c>); null falls
    /// back to the wave's <see cref="WaveRow.Days"/>.
    /// </summary>
    public double? Days { get; init; }
}
