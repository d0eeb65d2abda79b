using System.Globalization;
using System.Text.Json;

namespace Tracker.Cli.Bench;

/// <summary>One `tracker bench riclpm` run: Tracker's whole process against lavaan's fit alone, with the largest difference between their lagged-path estimates.</summary>
public sealed record RiclpmBenchReport(
    int Participants,
    int Waves,
    int Rows,
    bool EqualLaggedPaths,
    double TrackerSeconds,
    double TrackerPeakWorkingSetMb,
    string? TrackerProblem,
    double? LavaanSeconds,
    double? LavaanPeakMb,
    string? LavaanNote,
    double? MaxEstimateDifference)
{
    public const double TargetSpeedup = 10;

    public double? Speedup => LavaanSeconds / TrackerSeconds;

    public bool SameEstimates => MaxEstimateDifference is null || MaxEstimateDifference <= 1e-3;

    public string ToJsonLine() => JsonSerializer.Serialize(new
    {
        bench = "riclpm",
        participants = Participants,
        waves = Waves,
        rows = Rows,
        equal_lagged_paths = EqualLaggedPaths,
        tracker_seconds = Math.Round(TrackerSeconds, 3),
        tracker_peak_working_set_mb = Math.Round(TrackerPeakWorkingSetMb, 1),
        tracker_problem = TrackerProblem,
        lavaan_seconds = LavaanSeconds is { } s ? Math.Round(s, 3) : (double?)null,
        lavaan_peak_mb = LavaanPeakMb is { } m ? Math.Round(m, 1) : (double?)null,
        lavaan_note = LavaanNote,
        speedup = Speedup is { } x ? Math.Round(x, 1) : (double?)null,
        max_estimate_difference = MaxEstimateDifference,
        target_met = Speedup >= TargetSpeedup && SameEstimates,
    });

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"riclpm {Participants}×{Waves}: Tracker {TrackerSeconds:F2} s, lavaan {LavaanSeconds?.ToString("F2", CultureInfo.InvariantCulture) ?? "–"} s");
}
