using Tracker.Engine.Common;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Schedules;

/// <summary>
/// Local send times across the four changes of 2026–27 in two zones. Every expectation is a literal with the offset
/// known to be in force (Berlin CET +01:00 / CEST +02:00; New York EST −05:00 / EDT −04:00).
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);

    private static ParticipantSchedule Weekly(DateTimeOffset start, TimeOnly sendTime, TimeZoneInfo zone, ScheduleKind kind = ScheduleKind.Fixed, DateTimeOffset? enrolled = null)
    {
        var schedule = new WaveSchedule(start, 3, TimeSpan.FromDays(7), TimeSpan.FromDays(5))
        {
            Kind = kind,
            SendTime = sendTime,
            Reminders = [TimeSpan.FromDays(3)],
            EnrolUntil = kind == ScheduleKind.Rolling ? start.AddDays(30) : null,
        };
        return schedule.For(enrolled ?? start, zone);
    }

    [Fact]
    public void Berlin_spring_forward_a_weekly_0900_send_stays_0900_local_and_comes_an_hour_earlier_in_utc()
    {
        // Sunday 2027-03-21 09:00 CET; the clocks go forward on Sunday 2027-03-28.
        var p = Weekly(new DateTimeOffset(2027, 3, 21, 9, 0, 0, Cet), new TimeOnly(9, 0), Berlin);
        Assert.Equal(new DateTimeOffset(2027, 3, 21, 8, 0, 0, TimeSpan.Zero), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 9, 0, 0, Cest), p.InviteAt(3));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), p.InviteAt(2) - p.InviteAt(1));
    }

    [Fact]
    public void Berlin_fall_back_a_weekly_0900_send_stays_0900_local_and_comes_an_hour_later_in_utc()
    {
        // Sunday 2026-10-18 09:00 CEST; the clocks go back on Sunday 2026-10-25.
        var p = Weekly(new DateTimeOffset(2026, 10, 18, 9, 0, 0, Cest), new TimeOnly(9, 0), Berlin);
        Assert.Equal(new DateTimeOffset(2026, 10, 18, 7, 0, 0, TimeSpan.Zero), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), p.InviteAt(2));
        Assert.Equal(TimeSpan.FromDays(7) + TimeSpan.FromHours(1), p.InviteAt(2) - p.InviteAt(1));
    }

    [Fact]
    public void New_York_spring_forward_a_weekly_0900_send_stays_0900_local_and_comes_an_hour_earlier_in_utc()
    {
        // Sunday 2027-03-07 09:00 EST; the clocks go forward on Sunday 2027-03-14.
        var p = Weekly(new DateTimeOffset(2027, 3, 7, 9, 0, 0, Est), new TimeOnly(9, 0), NewYork);
        Assert.Equal(new DateTimeOffset(2027, 3, 7, 14, 0, 0, TimeSpan.Zero), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 13, 0, 0, TimeSpan.Zero), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2027, 3, 21, 9, 0, 0, Edt), p.InviteAt(3));
    }

    [Fact]
    public void New_York_fall_back_a_weekly_0900_send_stays_0900_local_and_comes_an_hour_later_in_utc()
    {
        // Sunday 2026-10-25 09:00 EDT; the clocks go back on Sunday 2026-11-01.
        var p = Weekly(new DateTimeOffset(2026, 10, 25, 9, 0, 0, Edt), new TimeOnly(9, 0), NewYork);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 13, 0, 0, TimeSpan.Zero), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 14, 0, 0, TimeSpan.Zero), p.InviteAt(2));
        Assert.Equal(TimeSpan.FromDays(7) + TimeSpan.FromHours(1), p.InviteAt(2) - p.InviteAt(1));
    }

    [Fact]
    public void A_send_time_inside_the_berlin_spring_forward_gap_moves_forward_by_the_gap()
    {
        // 02:30 does not exist in Berlin on 2027-03-28 (02:00 CET → 03:00 CEST): it goes at 03:30 CEST = 01:30Z.
        var p = Weekly(new DateTimeOffset(2027, 3, 21, 2, 30, 0, Cet), new TimeOnly(2, 30), Berlin);
        Assert.Equal(new DateTimeOffset(2027, 3, 21, 1, 30, 0, TimeSpan.Zero), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 30, 0, Cest), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 2, 30, 0, Cest), p.InviteAt(3));
    }

    [Fact]
    public void A_send_time_inside_the_new_york_spring_forward_gap_moves_forward_by_the_gap()
    {
        var p = Weekly(new DateTimeOffset(2027, 3, 7, 2, 30, 0, Est), new TimeOnly(2, 30), NewYork);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 3, 30, 0, Edt), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), p.InviteAt(2));
    }

    [Fact]
    public void An_ambiguous_berlin_send_time_on_fall_back_day_is_the_first_occurrence()
    {
        // 02:30 happens twice on 2026-10-25: first at CEST (00:30Z), then at CET (01:30Z).
        var p = Weekly(new DateTimeOffset(2026, 10, 18, 2, 30, 0, Cest), new TimeOnly(2, 30), Berlin);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, Cest), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 30, 0, Cet), p.InviteAt(3));
    }

    [Fact]
    public void An_ambiguous_new_york_send_time_on_fall_back_day_is_the_first_occurrence()
    {
        // 01:30 happens twice on 2026-11-01: first at EDT (05:30Z), then at EST (06:30Z).
        var p = Weekly(new DateTimeOffset(2026, 10, 25, 1, 30, 0, Edt), new TimeOnly(1, 30), NewYork);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), p.InviteAt(2));
    }

    [Fact]
    public void The_local_clock_rules_themselves_gap_forward_and_ambiguity_first()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), LocalClock.ToInstant(new DateTime(2027, 3, 28, 2, 30, 0), Berlin));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), LocalClock.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), Berlin));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), LocalClock.ToInstant(new DateTime(2027, 3, 14, 2, 30, 0), NewYork));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), LocalClock.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), NewYork));
        Assert.Equal(new DateTime(2026, 11, 1, 1, 30, 0), LocalClock.ToLocal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void A_reminder_three_days_after_an_invitation_keeps_the_local_send_time_across_the_change()
    {
        // Invited Thursday 2027-03-25 09:00 CET (08:00Z); the reminder three wall-clock days later is Sunday 09:00 CEST (07:00Z).
        var p = Weekly(new DateTimeOffset(2027, 3, 25, 9, 0, 0, Cet), new TimeOnly(9, 0), Berlin);
        Assert.Equal(new DateTimeOffset(2027, 3, 25, 8, 0, 0, TimeSpan.Zero), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero), p.ReminderAt(1, 1));

        // The window is a duration: five days after the invitation instant.
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 8, 0, 0, TimeSpan.Zero), p.ClosesAt(1));
    }

    [Fact]
    public void Rolling_with_a_send_time_anchors_at_enrolment_and_sends_at_the_next_local_send_time()
    {
        // Enrolled Friday 2027-03-26 15:10 CET: past 09:00, so wave 1 is Saturday 09:00 CET; wave 2 a week later at 09:00 CEST.
        var p = Weekly(new DateTimeOffset(2027, 3, 1, 9, 0, 0, Cet), new TimeOnly(9, 0), Berlin, ScheduleKind.Rolling, new DateTimeOffset(2027, 3, 26, 15, 10, 0, Cet));
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 9, 0, 0, Cet), p.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2027, 4, 3, 9, 0, 0, Cest), p.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2027, 4, 10, 9, 0, 0, Cest), p.InviteAt(3));
    }
}
