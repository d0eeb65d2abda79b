using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Schedules;

/// <summary>Fixed and rolling anchors, and each participant's window, with expectations written out as literals.</summary>
public sealed class FixedAndRollingScheduleTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static WaveSchedule Fixed(int waves = 4) => new(Start, waves, TimeSpan.FromDays(14), TimeSpan.FromDays(7));

    private static WaveSchedule Rolling(DateTimeOffset enrolUntil, int waves = 3) =>
        new(Start, waves, TimeSpan.FromDays(7), TimeSpan.FromDays(3)) { Kind = ScheduleKind.Rolling, EnrolUntil = enrolUntil };

    [Theory]
    [InlineData("2026-11-01T00:00:00Z")] // enrolled a month before the start
    [InlineData("2026-12-20T17:45:00Z")] // enrolled after wave 2 had opened
    public void Fixed_waves_open_at_the_same_instant_for_everyone_whenever_they_enrolled(string enrolled)
    {
        var participant = Fixed().For(DateTimeOffset.Parse(enrolled, System.Globalization.CultureInfo.InvariantCulture), Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), participant.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero), participant.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 8, 0, 0, TimeSpan.Zero), participant.InviteAt(4));
        Assert.Equal(new DateTimeOffset(2027, 1, 19, 8, 0, 0, TimeSpan.Zero), participant.ClosesAt(4));
    }

    [Fact]
    public void Fixed_without_a_send_time_ignores_the_participants_zone()
    {
        var tokyo = Fixed().For(Start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var angeles = Fixed().For(Start, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero), tokyo.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero), angeles.InviteAt(2));
    }

    [Fact]
    public void Rolling_waves_count_from_the_enrolment_of_a_late_joiner()
    {
        var schedule = Rolling(enrolUntil: new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero));
        var late = schedule.For(new DateTimeOffset(2026, 12, 10, 14, 30, 0, TimeSpan.Zero), Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 14, 30, 0, TimeSpan.Zero), late.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2026, 12, 17, 14, 30, 0, TimeSpan.Zero), late.InviteAt(2));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 14, 30, 0, TimeSpan.Zero), late.InviteAt(3));
        Assert.Equal(new DateTimeOffset(2026, 12, 27, 14, 30, 0, TimeSpan.Zero), late.ClosesAt(3));
    }

    [Fact]
    public void Rolling_waves_of_someone_enrolled_before_the_start_count_from_the_start()
    {
        var schedule = Rolling(enrolUntil: new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero));
        var early = schedule.For(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), early.InviteAt(1));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), early.InviteAt(2));
    }

    [Fact]
    public void A_rolling_wave_stays_open_panel_wide_until_the_last_possible_joiner_has_had_their_window()
    {
        var enrolUntil = new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero);
        var schedule = Rolling(enrolUntil);

        // The last joiner's wave 2 opens 2026-12-27 00:00 and closes three days later.
        var lastClose = new DateTimeOffset(2026, 12, 30, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(lastClose, schedule.LatestClose(2));
        Assert.Equal(lastClose, schedule.For(enrolUntil, Utc).ClosesAt(2));
        Assert.Equal(WaveState.Open, schedule.StateAt(2, lastClose.AddTicks(-1)));
        Assert.Equal(WaveState.Closed, schedule.StateAt(2, lastClose));
        Assert.Equal(WaveState.Scheduled, schedule.StateAt(2, new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero).AddTicks(-1)));
        Assert.Equal(WaveState.Open, schedule.StateAt(2, new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_participants_window_is_open_from_their_invitation_up_to_but_not_including_its_close()
    {
        var schedule = new WaveSchedule(Start, 2, TimeSpan.FromDays(7), TimeSpan.FromDays(5))
        {
            SendTime = new TimeOnly(9, 0),
        };
        var berlin = schedule.For(Start, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        // 2026-12-01 08:00Z is 09:00 in Berlin (CET, +01:00): the invitation goes at once; the window closes five days later.
        var invite = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
        var closes = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(invite, berlin.InviteAt(1));
        Assert.Equal(closes, berlin.ClosesAt(1));
        Assert.Equal(WaveState.Scheduled, berlin.StateAt(1, invite.AddTicks(-1)));
        Assert.Equal(WaveState.Open, berlin.StateAt(1, invite));
        Assert.Equal(WaveState.Open, berlin.StateAt(1, closes.AddTicks(-1)));
        Assert.Equal(WaveState.Closed, berlin.StateAt(1, closes));
    }

    [Fact]
    public void With_a_send_time_the_panel_wide_state_brackets_every_participants_window_exactly()
    {
        var schedule = new WaveSchedule(Start, 2, TimeSpan.FromDays(7), TimeSpan.FromDays(5)) { SendTime = new TimeOnly(9, 0) };

        // Documented: open from nominal − 2 h (a DST shift) to nominal + 26 h (next send time plus DST) + window.
        var earliest = new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero);
        var latest = new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(earliest, schedule.EarliestOpen(2));
        Assert.Equal(latest, schedule.LatestClose(2));
        Assert.Equal(WaveState.Scheduled, schedule.StateAt(2, earliest.AddTicks(-1)));
        Assert.Equal(WaveState.Open, schedule.StateAt(2, earliest));
        Assert.Equal(WaveState.Open, schedule.StateAt(2, latest.AddTicks(-1)));
        Assert.Equal(WaveState.Closed, schedule.StateAt(2, latest));
    }

    [Fact]
    public void A_fixed_send_time_schedule_invites_each_zone_at_its_next_local_send_time()
    {
        var schedule = new WaveSchedule(Start, 2, TimeSpan.FromDays(7), TimeSpan.FromDays(5)) { SendTime = new TimeOnly(9, 0) };

        // West of UTC: 08:00Z is 00:00 in Los Angeles (PST, −08:00), so 09:00 the same day.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-8)), schedule.For(Start, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).InviteAt(1));

        // East of UTC: 08:00Z is 17:00 in Tokyo (+09:00), past 09:00, so 09:00 the next day.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(9)), schedule.For(Start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).InviteAt(1));

        // Far east: 08:00Z is 22:00 in Kiritimati (+14:00); far west: 21:00 the day before in Pago Pago (−11:00).
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(14)), schedule.For(Start, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati")).InviteAt(1));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-11)), schedule.For(Start, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago")).InviteAt(1));
    }

    public static TheoryData<string> Zones() => new()
    {
        "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Auckland",
        "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Antarctica/Troll", "UTC",
    };

    [Theory]
    [MemberData(nameof(Zones))]
    public void On_a_fixed_schedule_no_zone_is_invited_before_the_nominal_opening_minus_the_lead_or_outside_the_panel_wide_window(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var lead = TimeSpan.FromHours(2);
        foreach (var sendTime in new[] { new TimeOnly(0, 0), new TimeOnly(2, 30), new TimeOnly(9, 0), new TimeOnly(23, 59) })
        {
            // A year of weekly waves, starting at an odd minute, crosses both changes of every zone that has DST.
            var schedule = new WaveSchedule(new DateTimeOffset(2026, 6, 3, 13, 17, 0, TimeSpan.Zero), 53, TimeSpan.FromDays(7), TimeSpan.FromDays(6)) { SendTime = sendTime };
            var participant = schedule.For(schedule.Start, zone);
            for (var wave = 1; wave <= schedule.Waves; wave++)
            {
                var nominal = new DateTimeOffset(2026, 6, 3, 13, 17, 0, TimeSpan.Zero).AddDays(7 * (wave - 1));
                var invite = participant.InviteAt(wave);
                Assert.True(invite >= nominal - lead, $"{zoneId} {sendTime} wave {wave}: invited {invite:O}, more than 2 h before {nominal:O}");
                Assert.True(invite < nominal + TimeSpan.FromHours(26), $"{zoneId} {sendTime} wave {wave}: invited {invite:O}, 26 h or more after {nominal:O}");
                var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(invite, zone).DateTime);
                if (local != sendTime) AssertMovedForwardByTheGap(sendTime, zone, invite, local);
                Assert.True(invite >= schedule.EarliestOpen(wave) && participant.ClosesAt(wave) <= schedule.LatestClose(wave), $"{zoneId} {sendTime} wave {wave}");
            }
        }
    }

    /// <summary>A send time that fell in a spring-forward gap lands on the send time moved forward by the gap.</summary>
    private static void AssertMovedForwardByTheGap(TimeOnly sendTime, TimeZoneInfo zone, DateTimeOffset invite, TimeOnly local)
    {
        var gap = zone.GetUtcOffset(invite) - zone.GetUtcOffset(invite.AddHours(-6));
        Assert.True(gap > TimeSpan.Zero, $"{zone.Id}: invited at {local} local, not at {sendTime}, and no DST gap explains it");
        Assert.Equal(sendTime.Add(gap), local);
    }
}
