namespace Tracker.LocalHost;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than real time from a chosen start, so the demo can live
/// through a months-long panel in minutes: virtual now = start + factor × real elapsed. Timers (and so
/// <c>Task.Delay(…, provider)</c>) fire after due time ÷ factor of real time, which keeps them in step with the clock.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _startTimestamp;

    public AcceleratedTimeProvider(DateTimeOffset start, double factor, TimeProvider? inner = null)
    {
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The acceleration factor must be a positive number.");
        }

        Start = start.ToUniversalTime();
        Factor = factor;
        _inner = inner ?? System;
        _startTimestamp = _inner.GetTimestamp();
    }

    /// <summary>The virtual instant at construction.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How many virtual seconds pass per real second.</summary>
    public double Factor { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Start + Scale(_inner.GetElapsedTime(_startTimestamp));

    /// <summary>Timestamps advance at the accelerated rate too, so <see cref="TimeProvider.GetElapsedTime(long)"/> agrees with <see cref="GetUtcNow"/>.</summary>
    public override long GetTimestamp() => _startTimestamp + (long)((_inner.GetTimestamp() - _startTimestamp) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    /// <summary>The real time that corresponds to a virtual duration.</summary>
    public TimeSpan ToRealTime(TimeSpan virtualDuration) => Shrink(virtualDuration);

    private TimeSpan Scale(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Factor));

    private TimeSpan Shrink(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan || duration <= TimeSpan.Zero)
        {
            return duration;
        }

        // At least a tick, so a positive due time never turns into "fire now and repeat forever" (period 0).
        return TimeSpan.FromTicks(Math.Max(1, (long)(duration.Ticks / Factor)));
    }

    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Shrink(dueTime), owner.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
