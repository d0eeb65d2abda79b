using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>A fixed effect of a growth model: lme4's estimate, SE and t, plus the Wald 95% interval.</summary>
public sealed record FixedEffectDocument(double? Estimate, double? Se, double? T, double? CiLower, double? CiUpper)
{
    [JsonIgnore]
    public bool ExcludesZero => CiLower is { } lower && CiUpper is { } upper && (lower > 0 || upper < 0);
}
