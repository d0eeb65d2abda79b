namespace Tracker.Model.Models;

/// <summary>AR(1) persistence of the outcome from one wave to the next.</summary>
public sealed record PersistenceDocument
{
    public EstimateDocument? Rho { get; init; }

    public EstimateDocument? Intercept { get; init; }

    public required int NPairs { get; init; }

    public required int NGroups { get; init; }

    public required bool Converged { get; init; }

    public string? Message { get; init; }
}
