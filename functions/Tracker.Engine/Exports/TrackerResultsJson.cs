using Tracker.Analysis;
using Tracker.Model.Models;

namespace Tracker.Engine.Exports;

/// <summary>
/// Tracker's growth and decay numbers (and cross-lagged paths) for the bundle (tracker_results.json): the model's own
/// documents written by <see cref="AnalysisJson"/>, so they carry the keys of the analysis reference files and
/// <c>tracker analyze --json</c> and analysis.R can print R's and Tracker's side by side.
/// </summary>
public static class TrackerResultsJson
{
    public const string FileName = "tracker_results.json";

    private const string NothingYet = "no answers to model yet";

    public static Task WriteAsync(Stream stream, string outcome, PanelReport? report, CancellationToken cancellationToken, IReadOnlyList<RiclpmDocument>? crossLaggedPaths = null)
    {
        var results = report is not null
            ? new TrackerResultsDocument(outcome, ModelDocumentFactory.Growth(report.Growth), ModelDocumentFactory.Decay(report.Decay))
            : new TrackerResultsDocument(
                outcome,
                new GrowthDocument { Formula = WillingnessFormula.Growth(outcome), Converged = false, Message = NothingYet },
                new DecayDocument { Converged = false, Message = NothingYet });
        return AnalysisJson.SerializeAsync(stream, results with { CrossLaggedPaths = crossLaggedPaths }, cancellationToken);
    }
}
