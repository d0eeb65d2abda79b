using System.Text.Json;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Schedules;

/// <summary>The messages a researcher gets for a schedule that cannot work (shared by panel creation and schedule edits).</summary>
public sealed class ScheduleValidationTests
{
    private static (WaveSchedule? Schedule, List<string> Problems) Resolve(string json)
    {
        var problems = new List<string>();
        var schedule = PanelDefinitionValidator.ResolveSchedule(JsonSerializer.Deserialize<ScheduleDefinition>(json, JsonSerializerOptions.Web), problems);
        return (schedule, problems);
    }

    private const string Base = "\"start\":\"2026-12-01T08:00:00Z\",\"waves\":3,\"interval\":\"P7D\",\"window\":\"P5D\"";

    [Fact]
    public void A_full_rolling_definition_resolves()
    {
        var (schedule, problems) = Resolve("{" + Base + ",\"kind\":\"Rolling\",\"sendTime\":\"09:00\",\"reminders\":[\"P2D\",\"P4D\"],\"enrolUntil\":\"2026-12-20T00:00:00+01:00\"}");
        Assert.Empty(problems);
        Assert.Equal(ScheduleKind.Rolling, schedule!.Kind);
        Assert.Equal(new TimeOnly(9, 0), schedule.SendTime);
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromDays(4)], schedule.Reminders);
        Assert.Equal(new DateTimeOffset(2026, 12, 19, 23, 0, 0, TimeSpan.Zero), schedule.EnrolUntil);
        Assert.Equal(TimeSpan.Zero, schedule.EnrolUntil!.Value.Offset);
    }

    [Theory]
    [InlineData(",\"kind\":\"weekly\"", "schedule.kind: must be \"fixed\" or \"rolling\", not 'weekly'")]
    [InlineData(",\"sendTime\":\"25:00\"", "schedule.sendTime: '25:00' is not a time of day such as 09:00")]
    [InlineData(",\"sendTime\":\"9am\"", "schedule.sendTime: '9am' is not a time of day such as 09:00")]
    [InlineData(",\"reminders\":[\"P5D\"]", "schedule.reminders[0]: P5D is not inside the window of P5D")]
    [InlineData(",\"reminders\":[\"P9D\"]", "schedule.reminders[0]: P9D is not inside the window of P5D")]
    [InlineData(",\"reminders\":[\"PT0S\"]", "schedule.reminders[0]: must be after the invitation")]
    [InlineData(",\"reminders\":[\"P3D\",\"P2D\"]", "schedule.reminders[1]: must come after the reminder before it")]
    [InlineData(",\"reminders\":[\"P3D\",\"P3D\"]", "schedule.reminders[1]: must come after the reminder before it")]
    [InlineData(",\"reminders\":[\"P1M\"]", "schedule.reminders[0]: 'P1M' uses years or months, whose length varies; give weeks or days (e.g. P4W, P30D)")]
    [InlineData(",\"reminders\":[\"soon\"]", "schedule.reminders[0]: 'soon' is not an ISO-8601 duration such as P7D, P2W or PT12H")]
    [InlineData(",\"reminders\":[\"PT1H\",\"PT2H\",\"PT3H\",\"PT4H\",\"PT5H\",\"PT6H\"]", "schedule.reminders: at most 5")]
    [InlineData(",\"kind\":\"rolling\"", "schedule.enrolUntil: is required for a rolling schedule (the last instant participants can join)")]
    [InlineData(",\"kind\":\"rolling\",\"enrolUntil\":\"2026-11-30T00:00:00Z\"", "schedule.enrolUntil: must not be before schedule.start")]
    [InlineData(",\"enrolUntil\":\"2026-12-20T00:00:00Z\"", "schedule.enrolUntil: only applies to a rolling schedule")]
    public void A_bad_schedule_gets_one_clear_message_and_no_schedule(string extra, string message)
    {
        var (schedule, problems) = Resolve("{" + Base + extra + "}");
        Assert.Null(schedule);
        Assert.Equal([message], problems);
    }

    [Fact]
    public void Every_problem_of_the_new_fields_is_listed_at_once()
    {
        var (schedule, problems) = Resolve("{" + Base + ",\"kind\":\"monthly\",\"sendTime\":\"noon\",\"reminders\":[\"P6D\"],\"enrolUntil\":\"2026-12-20T00:00:00Z\"}");
        Assert.Null(schedule);
        Assert.Equal(
            [
                "schedule.kind: must be \"fixed\" or \"rolling\", not 'monthly'",
                "schedule.sendTime: 'noon' is not a time of day such as 09:00",
                "schedule.reminders[0]: P6D is not inside the window of P5D",
                "schedule.enrolUntil: only applies to a rolling schedule",
            ],
            problems);
    }

    [Fact]
    public void The_panel_validator_reports_schedule_problems_beside_the_others()
    {
        var definition = JsonSerializer.Deserialize<PanelDefinition>(
            "{\"name\":\"Study\",\"instrument\":\"default\",\"schedule\":{" + Base + ",\"sendTime\":\"24:00\"}}", JsonSerializerOptions.Web);
        var result = PanelDefinitionValidator.Validate(definition, "pabc", new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        Assert.False(result.IsValid);
        Assert.Equal(["schedule.sendTime: '24:00' is not a time of day such as 09:00"], result.Problems);
    }
}
