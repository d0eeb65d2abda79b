using System.Text.Json;
using Tracker.Analysis;
using Tracker.Model.Models;

namespace Tracker.Engine.Exports;

/// <summary>
/// Tracker's growth and decay numbers (and cross-lagged paths) for the bundle (tracker_results.json), keyed as the analysis reference files
/// and <c>tracker analyze --json</c> key them, so analysis.R can print R's and Tracker's side by side.
/// </summary>
public static class TrackerResultsJson
{
    public const string FileName = "tracker_results.json";

    public static async Task WriteAsync(Stream stream, string outcome, PanelReport? report, CancellationToken cancellationToken, IReadOnlyList<RiclpmDocument>? crossLaggedPaths = null)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("outcome", outcome);
        if (report is not null)
        {
            PanelReportJson.WriteGrowth(json, report.Growth);
            PanelReportJson.WriteDecay(json, report.Decay);
        }
        else
        {
            NothingYet(json, "growth", WillingnessFormula.Growth(outcome));
            NothingYet(json, "decay", formula: null);
        }

        if (crossLaggedPaths is not null)
        {
            // The stored model's keys, so analysis.R reads the bundle and the stored model alike.
            json.WritePropertyName("cross_lagged_paths");
            JsonSerializer.Serialize(json, crossLaggedPaths, ModelJsonContext.Default.IReadOnlyListRiclpmDocument);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void NothingYet(Utf8JsonWriter json, string section, string? formula)
    {
        json.WriteStartObject(section);
        if (formula is not null) json.WriteString("formula", formula);
        json.WriteBoolean("converged", false);
        json.WriteString("message", "no answers to model yet");
        json.WriteEndObject();
    }
}
