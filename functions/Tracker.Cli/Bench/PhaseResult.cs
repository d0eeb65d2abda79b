using System.Diagnostics;

namespace Tracker.Cli.Bench;

/// <summary>One timed phase: how many operations, how long the phase took, and the latency of each operation.</summary>
public sealed record PhaseResult(int Operations, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Operations / Elapsed.TotalSeconds : 0;

    /// <param name="latencyTicks">Each operation's duration in <see cref="Stopwatch"/> ticks.</param>
    public static PhaseResult From(IReadOnlyCollection<long> latencyTicks, TimeSpan elapsed)
    {
        var sorted = latencyTicks.Order().ToArray();
        return new PhaseResult(sorted.Length, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : Ms(sorted[^1]));
    }

    /// <summary>Nearest-rank percentile: the smallest latency that at least <paramref name="p"/> of the operations did not exceed.</summary>
    public static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return Ms(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
