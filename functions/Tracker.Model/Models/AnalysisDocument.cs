using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>Every section of a <see cref="Tracker.Analysis.PanelReport"/>, keyed as <c>tracker analyze --json</c> keys it.</summary>
public sealed record AnalysisDocument(
    GrowthDocument Growth,
    DecayDocument Decay,
    PersistenceDocument Persistence,
    RetentionDocument Retention,
    IReadOnlyDictionary<string, IReadOnlyList<WaveStatistic>> Descriptives,
    IReadOnlyDictionary<string, ReliabilityDocument> Reliability)
{
    /// <summary>The RI-CLPM section of <c>tracker analyze --riclpm … --json</c>; absent when none was asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RiclpmDocument? Riclpm { get; init; }
}
