namespace Tracker.Cli.Bench;

/// <summary>What <c>tracker bench dispatch</c> runs: how many participants the wave has, and how many are sent first to warm up.</summary>
/// <param name="Participants">Messages in each timed phase (one invitation per participant for Tracker).</param>
/// <param name="Warmup">Messages sent before timing, on each path, to a separate warm-up panel and address range.</param>
/// <param name="FastSink">Send to the in-process <see cref="DispatchSink"/> instead of smtp4dev.</param>
public sealed record DispatchBenchSettings(int Participants, int Warmup, bool FastSink = false)
{
    /// <summary>The acceptance target against smtp4dev: Tracker's sending rate at least this share of the bare MailKit loop's.</summary>
    public const double TargetRatio = 0.70;

    /// <summary>The target against the fast sink (issue #16), where the server no longer hides the sender's own cost.</summary>
    public const double FastSinkTargetRatio = 0.80;

    public double Target => FastSink ? FastSinkTargetRatio : TargetRatio;

    public static int DefaultWarmup(int participants) => Math.Clamp(participants / 20, 20, 500);
}
