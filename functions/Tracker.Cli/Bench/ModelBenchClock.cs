namespace Tracker.Cli.Bench;

/// <summary>
/// The system clock, shifted while the benchmark creates its panel: a panel whose every wave has already closed is
/// refused (nobody could be invited), so the panel is created "before" its start and the clock then returns to now,
/// when all its waves are closed and sealed.
/// </summary>
public sealed class ModelBenchClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
