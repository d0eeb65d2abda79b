using System.Diagnostics;

namespace Tracker.Cli.Bench;

/// <summary>
/// Samples this process's managed heap and working set every few milliseconds while a phase runs, so each phase gets
/// its own peak (the process's PeakWorkingSet64 only ever grows, and would credit a later phase with an earlier peak).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakHeap;
    private long peakWorkingSet;

    private MemorySampler()
    {
        Sample();
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false)) Sample();
            }
            catch (OperationCanceledException)
            {
                // Stopped: the phase is over.
            }
        });
    }

    public long PeakHeapBytes => Interlocked.Read(ref peakHeap);

    public long PeakWorkingSetBytes => Interlocked.Read(ref peakWorkingSet);

    /// <summary>Collects first (decommitting what earlier phases left), so a phase starts from what it really holds.</summary>
    public static MemorySampler Start()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new MemorySampler();
    }

    public async ValueTask DisposeAsync()
    {
        Sample();
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        if (heap > Interlocked.Read(ref peakHeap)) Interlocked.Exchange(ref peakHeap, heap);
        if (workingSet > Interlocked.Read(ref peakWorkingSet)) Interlocked.Exchange(ref peakWorkingSet, workingSet);
    }
}
