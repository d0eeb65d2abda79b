using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>
/// The bundle's <c>tracker_results.json</c>: Tracker's growth and decay for the outcome, keyed as
/// <c>tracker analyze --json</c> keys them so analysis.R can print R's and Tracker's numbers side by side, and the
/// cross-lagged paths fitted on the bundle's rows (absent while fewer than three waves are closed).
/// </summary>
public sealed record TrackerResultsDocument(string Outcome, GrowthDocument Growth, DecayDocument Decay)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RiclpmDocument>? CrossLaggedPaths { get; init; }
}
