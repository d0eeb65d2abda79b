using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>
/// The growth model with one co-creation covariate: the participant's score on <see cref="Construct"/> in their first
/// answered wave, centred on the mean of those baselines. The <c>days:{Covariate}</c> term says whether people who
/// started higher on it decline more slowly (positive) or faster (negative).
/// </summary>
public sealed record CovariateModelDocument(string Construct, string Covariate, double? BaselineMean, GrowthDocument Growth)
{
    [JsonIgnore]
    public string InteractionTerm => $"days:{Covariate}";
}
