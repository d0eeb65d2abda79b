namespace Tracker.Model.Models;

/// <summary>The decay-to-plateau curve; parameters only when it converged.</summary>
public sealed record DecayDocument
{
    public EstimateDocument? Plateau { get; init; }

    public EstimateDocument? Initial { get; init; }

    public EstimateDocument? Rate { get; init; }

    public EstimateDocument? HalfLife { get; init; }

    public double? Rss { get; init; }

    public double? Sigma { get; init; }

    public int? N { get; init; }

    public required bool Converged { get; init; }

    public string? Message { get; init; }
}
