namespace Tracker.Model.Models;

/// <summary>One wave of the per-wave table: when it ran, how many were invited and answered.</summary>
public sealed record WaveRow
{
    public required int Wave { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    /// <summary><c>scheduled</c>, <c>open</c> or <c>closed</c> when the model was fitted.</summary>
    public required string State { get; init; }

    /// <summary>
    /// The wave's mean of its responses' days (days since each participant's first answered wave, as in the exports);
    /// the scheduled days since wave 1 opened when it has no responses.
    /// </summary>
    public required double Days { get; init; }

    public required int Invited { get; init; }

    public required int Responded { get; init; }

    /// <summary>Responded ÷ invited; null when nobody was invited.</summary>
    public double? ResponseRate { get; init; }
}
