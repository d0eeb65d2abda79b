using Microsoft.Extensions.Time.Testing;

namespace Tracker.LocalHost.Tests;

public sealed class AcceleratedTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_advances_factor_times_faster_than_the_inner_clock()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedTimeProvider(Start, factor: 3600, real);

        Assert.Equal(Start, clock.GetUtcNow());
        var timestamp = clock.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Start.AddHours(2), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(2), clock.GetElapsedTime(timestamp));
    }

    [Fact]
    public async Task Delays_on_the_accelerated_clock_take_due_time_divided_by_factor_of_real_time()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new AcceleratedTimeProvider(Start, factor: 60, real);

        var delay = Task.Delay(TimeSpan.FromMinutes(10), clock);
        real.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Start.AddMinutes(10), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_timers_and_Change_are_scaled_too()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new AcceleratedTimeProvider(Start, factor: 10, real);
        var ticks = 0;

        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, ticks);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, ticks);

        timer.Change(TimeSpan.FromSeconds(50), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, ticks);
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, ticks);
        real.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(3, ticks);
    }

    [Fact]
    public void Runs_on_the_system_clock_by_default()
    {
        var clock = new AcceleratedTimeProvider(Start, factor: 1000);
        var first = clock.GetUtcNow();
        Thread.Sleep(20);
        Assert.True(clock.GetUtcNow() - first >= TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Rejects_a_non_positive_factor(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(Start, factor));
}
