using System.Runtime.CompilerServices;
namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The missing-data patterns dealt into two fixed halves of about equal work (a pattern costs about o³ for its o
/// observed scores), so a pass over the patterns can run on two cores. The split depends only on the patterns, never
/// on the machine or on thread timing, and each half sums its patterns in order before the halves are added, so a
/// result is the same bit for bit whether the halves ran in parallel or one after the other.
/// </summary>
internal sealed class PatternSplit
{
    public const int Parts = 2;

    private readonly int[][] _parts;

    public PatternSplit(IReadOnlyList<MissingPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        // Greedy by decreasing cost onto the lighter half; ties broken by index, so the deal is deterministic.
        var order = Enumerable.Range(0, patterns.Count).OrderByDescending(i => Cost(patterns[i])).ThenBy(i => i).ToArray();
        var load = new double[Parts];
        var members = new List<int>[Parts];
        for (var k = 0; k < Parts; k++) members[k] = [];
        foreach (var i in order)
        {
            var k = load[0] <= load[1] ? 0 : 1;
            load[k] += Cost(patterns[i]);
            members[k].Add(i);
        }
        // Within a half, patterns in their original order (memory order of their statistics).
        _parts = members.Select(m => m.Order().ToArray()).ToArray();
    }

    /// <summary>The pattern indices of one half, ascending.</summary>
    public ReadOnlySpan<int> Part(int part) => _parts[part];

    /// <summary>Whether the halves run on two threads; off on one core, where a second thread only adds switching.</summary>
    public bool Parallel { get; init; } = Environment.ProcessorCount > 1;

    /// <summary>Runs work(0) and work(1): on two threads when <see cref="Parallel"/>, else one after the other.</summary>
    public void Run(Action<int> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Parallel)
        {
            for (var k = 0; k < Parts; k++) work(k);
            return;
        }
        // The caller's thread takes half 0 while a pool thread takes half 1: one hand-off per pass, not a task per pattern.
        var other = Task.Run(() => work(1));
        work(0);
        other.GetAwaiter().GetResult();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Cost(MissingPattern pattern)
    {
        double o = pattern.Observed.Length;
        return o * o * o + 16;
    }
}
