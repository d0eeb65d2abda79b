namespace Tracker.Cli.Bench;

/// <summary>One timed phase of <c>tracker bench model</c>: wall time, the process's CPU time, the peaks while it ran, and what it allocated in total.</summary>
/// <param name="Key">A stable name for the JSON (the <see cref="Name"/> is for people and may change).</param>
/// <param name="CpuSeconds">CPU time of this process over the phase (every thread; Azurite, a separate process, not
/// counted — both sides of the comparison read through it alike). On the shared 2-core machine the load moves wall times
/// by two to three times between runs; CPU time moves far less.</param>
public sealed record ModelBenchPhase(string Key, string Name, int Rows, double Seconds, double PeakHeapMb, double PeakWorkingSetMb, double AllocatedMb, double CpuSeconds)
{
    public const string Seed = "seed";
    public const string BlobBytes = "baseline_blob_bytes";
    public const string ReadRows = "baseline_read_rows";
    public const string ReadTable = "baseline_read_table";
    public const string ExportCsv = "baseline_export_csv";
    public const string AnalyzeCsv = "baseline_analyze_csv";
    public const string Aggregation = "aggregation";

    /// <summary>A part of a measured phase, timed inside it (its memory is the whole phase's).</summary>
    public static ModelBenchPhase Part(string key, string name, int rows, double seconds, double cpuSeconds) => new(key, name, rows, seconds, double.NaN, double.NaN, double.NaN, cpuSeconds);

    /// <summary>This process's CPU time so far, in seconds.</summary>
    public static double CpuNow() => Environment.CpuUsage.TotalTime.TotalSeconds;

    public static async Task<(T Result, ModelBenchPhase Phase)> MeasureAsync<T>(string key, string name, Func<Task<(T Result, int Rows)>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Each phase starts from a collected, decommitted heap: otherwise the garbage of the phase before (the analyze
        // baseline's table, some 800 MB, runs just before the aggregation) is counted in this phase's peak whenever the
        // collector has not yet run, which moved the aggregation's peak working set by 100 MB between equal runs.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var sampler = MemorySampler.Start();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu = CpuNow();
        T result;
        int rows;
        try
        {
            (result, rows) = await work().ConfigureAwait(false);
        }
        finally
        {
            await sampler.DisposeAsync().ConfigureAwait(false);
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
        return (result, new ModelBenchPhase(key, name, rows, seconds, sampler.PeakHeapBytes / 1048576.0, sampler.PeakWorkingSetBytes / 1048576.0, allocatedMb, CpuNow() - cpu));
    }
}
