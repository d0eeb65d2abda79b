using System.Text.Json;

namespace Tracker.Cli.Bench;

/// <summary>
/// The JSON of <c>tracker bench model</c>: every phase with its time and peak memory, and the targets of issue #16
/// worked out from them (aggregation time against the sum of the two baselines of the same run, peak working set).
/// </summary>
public static class ModelBenchReport
{
    /// <summary>Issue #16's memory targets: ≤ 400 MB at 100,000 participants (and below), &lt; 2,048 MB (the Flex instance) at 1,000,000.</summary>
    public static double WorkingSetTargetMb(int participants) => participants <= 100_000 ? 400 : 2048;

    public static string Json(int participants, int waves, IReadOnlyList<ModelBenchPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var aggregation = phases.FirstOrDefault(p => p.Key == ModelBenchPhase.Aggregation);
        var readRows = phases.FirstOrDefault(p => p.Key == ModelBenchPhase.ReadRows);
        var analyze = phases.FirstOrDefault(p => p.Key == ModelBenchPhase.AnalyzeCsv);
        var baselines = readRows is null || analyze is null ? (double?)null : readRows.Seconds + analyze.Seconds;
        var ratio = aggregation is null || baselines is not > 0 ? (double?)null : aggregation.Seconds / baselines.Value;
        var baselinesCpu = readRows is null || analyze is null ? (double?)null : readRows.CpuSeconds + analyze.CpuSeconds;
        var ratioCpu = aggregation is null || baselinesCpu is not > 0 ? (double?)null : aggregation.CpuSeconds / baselinesCpu.Value;
        return JsonSerializer.Serialize(new
        {
            bench = "model",
            participants,
            waves,
            phases = phases.Select(p => new
            {
                key = p.Key,
                phase = p.Name,
                rows = p.Rows,
                seconds = Math.Round(p.Seconds, 3),
                cpu_seconds = Math.Round(p.CpuSeconds, 3),
                peak_heap_mb = Round(p.PeakHeapMb),
                peak_working_set_mb = Round(p.PeakWorkingSetMb),
                allocated_mb = Round(p.AllocatedMb),
            }),
            aggregation_seconds = aggregation is null ? (double?)null : Math.Round(aggregation.Seconds, 3),
            baselines_seconds = baselines is null ? (double?)null : Math.Round(baselines.Value, 3),
            ratio_to_baselines = ratio is null ? (double?)null : Math.Round(ratio.Value, 3),
            // The same ratio in CPU time: the work itself, which the machine's load disturbs far less than wall time.
            baselines_cpu_seconds = baselinesCpu is null ? (double?)null : Math.Round(baselinesCpu.Value, 3),
            ratio_cpu_to_baselines = ratioCpu is null ? (double?)null : Math.Round(ratioCpu.Value, 3),
            aggregation_peak_working_set_mb = aggregation is null ? null : Round(aggregation.PeakWorkingSetMb),
            // Without the baselines (--no-baselines) there is nothing to compare with: neither met nor missed.
            time_target_met = ratio is null ? (bool?)null : ratio <= 1.0,
            working_set_target_mb = WorkingSetTargetMb(participants),
            memory_target_met = aggregation?.PeakWorkingSetMb <= WorkingSetTargetMb(participants),
        });
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 1);
}
