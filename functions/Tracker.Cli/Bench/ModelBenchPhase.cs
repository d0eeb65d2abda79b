namespace Tracker.Cli.Bench;

/// <summary>One timed phase of <c>tracker bench model</c>: wall time, the peaks while it ran, and what it allocated in total.</summary>
public sealed record ModelBenchPhase(string Name, int Rows, double Seconds, double PeakHeapMb, double PeakWorkingSetMb, double AllocatedMb)
{
    public static async Task<(T Result, ModelBenchPhase Phase)> MeasureAsync<T>(string name, Func<Task<(T Result, int Rows)>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var sampler = MemorySampler.Start();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
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
        return (result, new ModelBenchPhase(name, rows, seconds, sampler.PeakHeapBytes / 1048576.0, sampler.PeakWorkingSetBytes / 1048576.0, allocatedMb));
    }
}
