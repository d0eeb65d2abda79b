using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Panels;

public sealed class WaveScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly WaveSchedule schedule = new(Start, 4, TimeSpan.FromDays(14), TimeSpan.FromDays(7));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 14)]
    [InlineData(4, 42)]
    public void Wave_k_opens_at_start_plus_k_minus_one_intervals(int wave, int days)
    {
        Assert.Equal(Start.AddDays(days), schedule.OpensAt(wave));
        Assert.Equal(Start.AddDays(days + 7), schedule.ClosesAt(wave));
    }

    [Fact]
    public void State_changes_exactly_at_the_open_and_close_instants()
    {
        Assert.Equal(WaveState.Scheduled, schedule.StateAt(2, schedule.OpensAt(2).AddTicks(-1)));
        Assert.Equal(WaveState.Open, schedule.StateAt(2, schedule.OpensAt(2)));
        Assert.Equal(WaveState.Open, schedule.StateAt(2, schedule.ClosesAt(2).AddTicks(-1)));
        Assert.Equal(WaveState.Closed, schedule.StateAt(2, schedule.ClosesAt(2)));
    }

    [Fact]
    public void Open_waves_are_those_whose_window_contains_the_instant()
    {
        Assert.Empty(schedule.OpenWavesAt(Start.AddDays(-1)));
        Assert.Equal([1], schedule.OpenWavesAt(Start.AddDays(3)));
        Assert.Empty(schedule.OpenWavesAt(Start.AddDays(10)));
        Assert.Equal([3], schedule.OpenWavesAt(Start.AddDays(28)));
        Assert.Equal(Start.AddDays(49), schedule.End);
    }

    [Fact]
    public void Waves_outside_the_schedule_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.OpensAt(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.OpensAt(5));
    }
}
