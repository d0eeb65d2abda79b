namespace Tracker.Model.Models;

/// <summary>The mixed growth model; without a fit only the formula, <c>converged = false</c> and the message.</summary>
public sealed record GrowthDocument
{
    public required string Formula { get; init; }

    public int? NObs { get; init; }

    public int? NGroups { get; init; }

    public double? RemlCriterion { get; init; }

    public IReadOnlyDictionary<string, FixedEffectDocument>? Fixed { get; init; }

    public RandomEffectsDocument? Random { get; init; }

    public required bool Converged { get; init; }

    public bool? Singular { get; init; }

    public string? Message { get; init; }
}
