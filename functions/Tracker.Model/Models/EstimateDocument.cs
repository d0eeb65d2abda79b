using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>An estimate with its standard error and the Wald 95% interval (estimate ± 1.96 SE) the summary quotes.</summary>
public sealed record EstimateDocument(double? Estimate, double? Se, double? CiLower, double? CiUpper)
{
    /// <summary>Whether the interval excludes zero, i.e. the effect is significant at about the 5% level.</summary>
    [JsonIgnore]
    public bool ExcludesZero => CiLower is { } lower && CiUpper is { } upper && (lower > 0 || upper < 0);
}
