using System.Text.Json;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Schedules;

public sealed class ScheduleJsonTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_single_version_round_trips_every_field()
    {
        var schedule = new WaveSchedule(Start, 6, TimeSpan.FromDays(14), TimeSpan.FromDays(7) + TimeSpan.FromHours(12))
        {
            Kind = ScheduleKind.Rolling,
            SendTime = new TimeOnly(9, 30),
            Reminders = [TimeSpan.FromDays(2), TimeSpan.FromHours(100)],
            EnrolUntil = new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero),
        };

        var json = ScheduleJson.Serialize(schedule);
        using (var doc = JsonDocument.Parse(json))
        {
            var v = doc.RootElement.EnumerateArray().Single();
            Assert.Equal("rolling", v.GetProperty("kind").GetString());
            Assert.Equal("P14D", v.GetProperty("interval").GetString());
            Assert.Equal("P7DT12H", v.GetProperty("window").GetString());
            Assert.Equal("09:30", v.GetProperty("sendTime").GetString());
            Assert.Equal(["P2D", "P4DT4H"], v.GetProperty("reminders").EnumerateArray().Select(r => r.GetString()));
        }

        var back = ScheduleJson.Deserialize(json);
        AssertSameVersion(schedule, back);
        Assert.Null(back.Previous);
        Assert.Equal(1, back.FromWave);
    }

    [Fact]
    public void A_version_chain_round_trips_and_each_wave_keeps_its_governing_version()
    {
        var v1 = new WaveSchedule(Start, 4, TimeSpan.FromDays(7), TimeSpan.FromDays(5));
        var v2 = new WaveSchedule(Start.AddDays(1), 6, TimeSpan.FromDays(10), TimeSpan.FromDays(6))
        {
            SendTime = new TimeOnly(18, 0),
            Reminders = [TimeSpan.FromDays(3)],
            FromWave = 2,
            Previous = v1,
        };
        var v3 = new WaveSchedule(Start.AddDays(2), 8, TimeSpan.FromDays(14), TimeSpan.FromDays(7))
        {
            FromWave = 4,
            Previous = v2,
        };

        var json = ScheduleJson.Serialize(v3);
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Equal([1, 2, 4], doc.RootElement.EnumerateArray().Select(v => v.GetProperty("fromWave").GetInt32()));
        }

        var back = ScheduleJson.Deserialize(json);
        AssertSameVersion(v3, back);
        AssertSameVersion(v2, back.Previous!);
        AssertSameVersion(v1, back.Previous!.Previous!);
        Assert.Null(back.Previous!.Previous!.Previous);

        // Wave 1 on v1 (start + 0), waves 2–3 on v2 (start + 1 day + (k − 1) · 10 days), waves 4+ on v3.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), back.OpensAt(1));
        Assert.Equal(new DateTimeOffset(2026, 12, 12, 8, 0, 0, TimeSpan.Zero), back.OpensAt(2));
        Assert.Equal(new DateTimeOffset(2026, 12, 22, 8, 0, 0, TimeSpan.Zero), back.OpensAt(3));
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 8, 0, 0, TimeSpan.Zero), back.OpensAt(4));
        Assert.Equal(TimeSpan.FromDays(5), back.Governing(1).Window);
        Assert.Equal(new TimeOnly(18, 0), back.Governing(3).SendTime);
        Assert.Null(back.Governing(4).SendTime);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""[{"fromWave":1,"kind":"fixed","start":"2026-12-01T08:00:00Z","waves":2,"interval":"P1M","window":"P5D","sendTime":null,"reminders":[],"enrolUntil":null}]""")]
    public void A_broken_stored_schedule_is_invalid_data(string json)
    {
        Assert.Throws<InvalidDataException>(() => ScheduleJson.Deserialize(json));
    }

    private static void AssertSameVersion(WaveSchedule expected, WaveSchedule actual)
    {
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.Waves, actual.Waves);
        Assert.Equal(expected.Interval, actual.Interval);
        Assert.Equal(expected.Window, actual.Window);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.SendTime, actual.SendTime);
        Assert.Equal(expected.Reminders, actual.Reminders);
        Assert.Equal(expected.EnrolUntil, actual.EnrolUntil);
        Assert.Equal(expected.FromWave, actual.FromWave);
    }
}
