using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>AR(1) persistence of the outcome from one wave to the next; without an estimate no <c>rho</c> or <c>intercept</c> key.</summary>
public sealed record PersistenceDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EstimateDocument? Rho { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EstimateDocument? Intercept { get; init; }

    public required int NPairs { get; init; }

    public required int NGroups { get; init; }

    public required bool Converged { get; init; }

    public string? Message { get; init; }
}
