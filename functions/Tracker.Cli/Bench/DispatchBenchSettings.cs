namespace Tracker.Cli.Bench;

/// <summary>What <c>tracker bench dispatch</c> runs: how many participants the wave has, and how many are sent first to warm up.</summary>
/// <param name="Participants">Messages in each timed phase (one invitation per participant for Tracker).</param>
/// <param name="Warmup">Messages sent before timing, on each path, to a separate warm-up panel and address range.</param>
public sealed record DispatchBenchSettings(int Participants, int Warmup)
{
    /// <summary>The acceptance target: Tracker's sending rate at least this share of the bare MailKit loop's.</summary>
    public const double TargetRatio = 0.70;

    public static int DefaultWarmup(int participants) => Math.Clamp(participants / 20, 20, 500);
}
