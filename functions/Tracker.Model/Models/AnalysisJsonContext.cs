using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>
/// The serializer of <c>tracker analyze --json</c> and the bundle's <c>tracker_results.json</c>, generated at compile
/// time over the same document types as the stored model (<see cref="ModelJsonContext"/>). Unlike the stored model it
/// writes a null where a number is not finite, as the shared reference files do; the keys those files never carry are
/// left out by <see cref="AnalysisJsonShape"/> and the <c>WhenWritingNull</c> properties.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(TrackerResultsDocument))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;
