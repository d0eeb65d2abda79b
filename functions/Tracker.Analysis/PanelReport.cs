using Tracker.Analysis.Decay;
using Tracker.Analysis.Descriptives;
using Tracker.Analysis.Persistence;
using Tracker.Analysis.Reliability;
using Tracker.Analysis.Retention;

namespace Tracker.Analysis;

/// <summary>Every model of a panel, each section carrying its own converged/estimable status and message.</summary>
public sealed record PanelReport(
    GrowthOutcome Growth,
    DecayFit Decay,
    PersistenceFit Persistence,
    RetentionCurve Retention,
    IReadOnlyList<ColumnDescriptives> Descriptives,
    IReadOnlyList<ConstructReliability> Reliability)
{
    /// <summary>The RI-CLPM when one was asked for (<see cref="PanelAnalysisOptions.Riclpm"/>), otherwise null.</summary>
    public Riclpm.RiclpmFit? Riclpm { get; init; }

    /// <summary>How many distinct waves the data have; after a single wave only descriptives, reliability and retention can say anything.</summary>
    public int WaveCount { get; init; }
}
