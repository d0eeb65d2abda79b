using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tracker.Model.Models;

/// <summary>
/// Writes an <see cref="AnalysisDocument"/> (and the bundle's <see cref="TrackerResultsDocument"/>) with the keys of
/// <c>tracker analyze --json</c>: the generated <see cref="AnalysisJsonContext"/> shaped by <see cref="AnalysisJsonShape"/>.
/// </summary>
public static class AnalysisJson
{
    private static readonly JsonSerializerOptions Options = new(AnalysisJsonContext.Default.Options)
    {
        TypeInfoResolver = AnalysisJsonContext.Default.WithAddedModifier(AnalysisJsonShape.Apply),
    };

    private static JsonTypeInfo<AnalysisDocument> Analysis => (JsonTypeInfo<AnalysisDocument>)Options.GetTypeInfo(typeof(AnalysisDocument));

    private static JsonTypeInfo<TrackerResultsDocument> Results => (JsonTypeInfo<TrackerResultsDocument>)Options.GetTypeInfo(typeof(TrackerResultsDocument));

    public static string Serialize(AnalysisDocument analysis) => JsonSerializer.Serialize(analysis, Analysis);

    public static Task SerializeAsync(Stream stream, AnalysisDocument analysis, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, analysis, Analysis, cancellationToken);

    public static Task SerializeAsync(Stream stream, TrackerResultsDocument results, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, results, Results, cancellationToken);
}
