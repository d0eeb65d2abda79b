using Tracker.Model.Aggregation;
using Tracker.Model.Models;

namespace Tracker.Engine.Models;

/// <summary>What one read of a panel gives the fit: the panel as the document describes it (waves with their counts, latest response) and its streamed aggregate.</summary>
public sealed record ModelReading(ModelInput Panel, PanelAggregate Aggregate)
{
    /// <summary>Responses the careless-answer thresholds flag (<see cref="CarelessFilter"/>).</summary>
    public int CarelessFlagged { get; init; }

    /// <summary>Flagged responses left out of the aggregate; null when the panel keeps them.</summary>
    public int? CarelessExcluded { get; init; }
}
