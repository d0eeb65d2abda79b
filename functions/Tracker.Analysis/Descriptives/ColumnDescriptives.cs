namespace Tracker.Analysis.Descriptives;

/// <summary>Per-wave summaries of one score column, waves in ascending order.</summary>
public sealed record ColumnDescriptives(string Column, IReadOnlyList<WaveSummary> Waves);
