namespace Tracker.Cli.Bench;

/// <summary>What <c>tracker bench ingest</c> runs: how many submissions, how many in flight, and the answers' seed.</summary>
/// <param name="Warmup">Submissions before the timed phase (own participants, counted in the accounting, not in the rates).</param>
public sealed record IngestSettings(int Submissions, int Concurrency, int Seed, int Warmup)
{
    /// <summary>The acceptance target: Tracker's rate at least this share of the bare table writes' rate.</summary>
    public const double TargetRatio = 0.70;

    public static int DefaultWarmup(int submissions) => Math.Clamp(submissions / 20, 16, 200);
}
