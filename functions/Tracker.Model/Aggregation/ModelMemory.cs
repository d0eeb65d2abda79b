using System.Runtime;

namespace Tracker.Model.Aggregation;

/// <summary>
/// Hands the garbage of one stage of a large fit back before the next stage allocates. A Flex Consumption instance has
/// 2,048 MB: at a million participants the read leaves about a gigabyte of dead wave buffers and the plain model's
/// cross-products and indexes are dead when the covariate model builds its own, and the collector, left to itself,
/// often has not collected either yet — the peak then counts both (measured: 1.9–2.3 GB on equal runs). Small panels
/// skip it: below <see cref="LargeRows"/> the peak is a few hundred megabytes and a full collection is pure cost.
/// </summary>
public static class ModelMemory
{
    /// <summary>From this many rows on, the stages collect between them (a few hundred thousand rows stay far below any instance's memory).</summary>
    public const int LargeRows = 1_000_000;

    /// <summary>A blocking, compacting collection of every generation, the large-object heap included, returning the freed memory to the system.</summary>
    public static void ReleaseBetweenStages(int rows)
    {
        if (rows < LargeRows) return;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
