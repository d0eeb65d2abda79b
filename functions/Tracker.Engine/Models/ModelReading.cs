using Tracker.Model.Aggregation;
using Tracker.Model.Models;

namespace Tracker.Engine.Models;

/// <summary>
/// What one read of a panel gives the fit: the panel as the document describes it (waves with their counts, latest
/// response), its streamed aggregate and the closed waves' scores for the cross-lagged paths.
/// </summary>
public sealed record ModelReading(ModelInput Panel, PanelAggregate Aggregate, CrossLaggedScores? CrossLagged = null)
{
    /// <summary>Responses the careless-answer thresholds flag (<see cref="CarelessFilter"/>).</summary>
    public int CarelessFlagged { get; init; }

    /// <summary>Flagged responses left out of the aggregate; null when the panel keeps them.</summary>
    public int? CarelessExcluded { get; init; }

    /// <summary>Partial responses left out of the aggregate; null when the panel includes them.</summary>
    public int? PartialExcluded { get; init; }
}
