using Tracker.LocalHost.Timers;

namespace Tracker.LocalHost.Tests;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Base = new(2026, 5, 4, 10, 15, 30, TimeSpan.Zero);

    [Fact]
    public void Six_field_expressions_include_seconds()
    {
        var schedule = TimerSchedule.Parse("*/10 * * * * *");
        Assert.Equal(Base.AddSeconds(10), schedule.GetNextOccurrence(Base));
        Assert.Equal([Base.AddSeconds(10), Base.AddSeconds(20), Base.AddSeconds(30)], schedule.GetNextOccurrences(Base, 3));
    }

    [Fact]
    public void Six_field_daily_schedule_fires_at_the_given_utc_time()
    {
        var schedule = TimerSchedule.Parse("0 0 9 * * *");
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero), schedule.GetNextOccurrence(Base));
    }

    [Fact]
    public void Occurrences_are_computed_in_utc_whatever_the_offset_of_the_base()
    {
        var schedule = TimerSchedule.Parse("0 0 9 * * *");
        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Five_field_expressions_are_accepted()
    {
        var schedule = TimerSchedule.Parse("*/5 * * * *");
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 10, 20, 0, TimeSpan.Zero), schedule.GetNextOccurrence(Base));
    }

    [Fact]
    public void Timespan_form_is_a_constant_interval()
    {
        var schedule = TimerSchedule.Parse("00:05:00");
        Assert.Equal(Base.AddMinutes(5), schedule.GetNextOccurrence(Base));
    }

    [Theory]
    [InlineData("")]
    [InlineData("every day")]
    [InlineData("* * *")]
    [InlineData("61 * * * * *")]
    [InlineData("00:00:00")]
    public void Invalid_schedules_are_rejected(string expression) =>
        Assert.ThrowsAny<ArgumentException>(() => Wrap(expression));

    private static void Wrap(string expression)
    {
        try
        {
            TimerSchedule.Parse(expression);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }
}
