using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>Editing a running panel's schedule, the plan dry run against what is then sent, and the status counts.</summary>
[Collection(StackCollection.Name)]
public sealed class ScheduleEditAndStatusTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task A_mid_panel_edit_keeps_the_started_wave_moves_the_later_ones_and_the_plan_matches_what_is_sent()
    {
        var start = stack.Clock.GetUtcNow();
        var panelId = await engine.CreatePanelAsync(new() { ["start"] = start, ["waves"] = 3, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(3);
        var ids = await engine.EnrolAsync(panelId, emails);
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(1));

        // Refused: a kind change once a wave is under way (409), a bad field (422), a wave 2 that would open inside wave 1 (409).
        var kindChange = await PutScheduleAsync(panelId, new { kind = "rolling", start, waves = 3, interval = "P7D", window = "P5D", enrolUntil = start.AddDays(2) });
        await AssertProblemAsync(kindChange, HttpStatusCode.Conflict, "schedule.kind: cannot change once waves are under way (waves 1–1 have started)");
        var invalid = await PutScheduleAsync(panelId, new { start, waves = 3, interval = "P7D", window = "P5D", reminders = new[] { "P6D" } });
        await AssertProblemAsync(invalid, HttpStatusCode.UnprocessableEntity, "schedule.reminders[0]: P6D is not inside the window of P5D");
        var overlapping = await PutScheduleAsync(panelId, new { start, waves = 3, interval = "P3D", window = "P2D" });
        await AssertProblemAsync(overlapping, HttpStatusCode.Conflict, "schedule: wave 2 would open at");
        Assert.Equal(HttpStatusCode.NotFound, (await PutScheduleAsync("pnosuchpanel", new { start, waves = 3, interval = "P7D", window = "P5D" })).StatusCode);

        // Accepted: waves 10 days apart from now on, with a reminder a day after each invitation, and a fourth wave.
        var edited = await PutScheduleAsync(panelId, new { start, waves = 4, interval = "P10D", window = "P5D", reminders = new[] { "P1D" } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("firstReplannedWave").GetInt32());
        var opens = body.GetProperty("waves").EnumerateArray().Select(w => w.GetProperty("opensAt").GetDateTimeOffset()).ToList();
        Assert.Equal([start, start.AddDays(10), start.AddDays(20), start.AddDays(30)], opens);

        // The plan: wave 1 as it was (sent, no reminder — it started without one), waves 2–4 moved, each with its reminder.
        var plan = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
        var sends = plan.GetProperty("sends").EnumerateArray()
            .Select(s => (Participant: s.GetProperty("participantId").GetString()!, Wave: s.GetProperty("wave").GetInt32(), Kind: s.GetProperty("kind").GetString()!, DueAt: s.GetProperty("dueAt").GetDateTimeOffset(), State: s.GetProperty("state").GetString()!))
            .ToList();
        foreach (var id in ids.Values)
        {
            Assert.Equal(
                [
                    (1, "invite", start, "sent"),
                    (2, "invite", start.AddDays(10), "planned"),
                    (2, "reminder-1", start.AddDays(11), "planned"),
                    (3, "invite", start.AddDays(20), "planned"),
                    (3, "reminder-1", start.AddDays(21), "planned"),
                    (4, "invite", start.AddDays(30), "planned"),
                    (4, "reminder-1", start.AddDays(31), "planned"),
                ],
                sends.Where(s => s.Participant == id).OrderBy(s => s.Wave).ThenBy(s => s.DueAt).Select(s => (s.Wave, s.Kind, s.DueAt, s.State)));
        }

        // Nothing goes at the old wave-2 time; at the new one exactly what the plan listed goes.
        stack.Clock.Advance(TimeSpan.FromDays(6));
        await engine.RunTimerAsync(panelId);
        Assert.All((await engine.KindsAsync(emails)).Values, k => Assert.Equal(["invite 1"], k));
        stack.Clock.Advance(TimeSpan.FromDays(3));
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunTimerAsync(panelId);
        Assert.All((await engine.KindsAsync(emails)).Values, k => Assert.Equal(["invite 1", "invite 2", "reminder 2"], k));

        var after = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
        var wave2 = after.GetProperty("sends").EnumerateArray().Where(s => s.GetProperty("wave").GetInt32() == 2).ToList();
        Assert.Equal(6, wave2.Count);
        Assert.All(wave2, s => Assert.Equal("sent", s.GetProperty("state").GetString()));
        var counts = after.GetProperty("waves")[1].GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("invite").GetProperty("sent").GetInt32());
        Assert.Equal(3, counts.GetProperty("reminder-1").GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task Status_counts_planned_invited_reminded_opened_responded_failed_opted_out_and_which_message_brought_each_answer()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D", ["reminders"] = new[] { "P1D" } });
        var emails = StackFixture.Emails(5);
        var (atOnce, opensOnly, afterReminder, skips, broken) = (emails[0], emails[1], emails[2], emails[3], emails[4]);
        var ids = await engine.EnrolAsync(panelId, emails);

        // A contact row whose address no longer parses (as a hand-edited or corrupted row would): that send fails for good.
        var contacts = engine.Service<TrackerStorage>().Table(StorageNames.ContactsTable);
        var contact = (await contacts.GetEntityAsync<TableEntity>(panelId, ids[broken])).Value;
        contact["Email"] = "not an address";
        await contacts.UpdateEntityAsync(contact, contact.ETag, TableUpdateMode.Merge);

        await engine.RunTimerAsync(panelId);
        await engine.AnswerAsync((await engine.LinksAsync(atOnce, 1)).Survey);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync((await engine.LinksAsync(opensOnly, 1)).Survey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync((await engine.LinksAsync(skips, 1)).OptOut, new FormUrlEncodedContent([new("choice", "skip")]))).StatusCode);

        stack.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunTimerAsync(panelId);
        await engine.AnswerAsync((await engine.LinksAsync(afterReminder, 1)).Survey);

        var status = await engine.StatusAsync(panelId);
        var wave1 = status.GetProperty("waves")[0];
        Assert.Equal("open", wave1.GetProperty("state").GetString());
        // Planned adds up: four invited, one failed; the participant who skipped after their invitation stays planned.
        Assert.Equal(5, wave1.GetProperty("planned").GetInt32());
        Assert.Equal(4, wave1.GetProperty("invited").GetInt32());
        Assert.Equal(2, wave1.GetProperty("reminded").GetInt32());
        Assert.Equal(3, wave1.GetProperty("opened").GetInt32());
        Assert.Equal(2, wave1.GetProperty("responded").GetInt32());
        Assert.Equal(0.5, wave1.GetProperty("responseRate").GetDouble(), 4);
        Assert.Equal(1, wave1.GetProperty("failed").GetInt32());
        Assert.StartsWith("invalid address", wave1.GetProperty("failures")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, wave1.GetProperty("optedOut").GetInt32());
        Assert.Equal(0, wave1.GetProperty("queued").GetInt32());
        var attribution = wave1.GetProperty("respondedAfter").EnumerateArray()
            .Select(a => (a.GetProperty("message").GetString(), a.GetProperty("responses").GetInt32(), a.GetProperty("share").GetDouble()))
            .ToList();
        Assert.Equal([("invite", 1, 0.5), ("reminder-1", 1, 0.5)], attribution);

        var wave2 = status.GetProperty("waves")[1];
        Assert.Equal("scheduled", wave2.GetProperty("state").GetString());
        Assert.Equal(5, wave2.GetProperty("planned").GetInt32());
        Assert.Equal(5, status.GetProperty("participants").GetInt32());
        Assert.Equal(1.0, status.GetProperty("retention").GetDouble(), 4);
    }

    [Fact]
    public async Task The_plan_of_a_0900_local_panel_keeps_0900_on_each_participants_wall_clock_across_the_spring_change()
    {
        var bad = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "DST study",
            instrument = "default",
            schedule = new { kind = "weekly", start = "2027-03-21T08:00:00Z", waves = 2, interval = "P7D", window = "P5D", sendTime = "9h" },
        });
        // Panel creation answers an invalid definition with 400 (docs/api.md); the schedule edit with 422.
        await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "schedule.kind: must be \"fixed\" or \"rolling\", not 'weekly'");
        await AssertProblemAsync(
            await stack.Admin.PostAsJsonAsync("api/panels", new { name = "DST study", instrument = "default", schedule = new { start = "2027-03-21T08:00:00Z", waves = 2, interval = "P7D", window = "P5D", sendTime = "9h" } }),
            HttpStatusCode.BadRequest,
            "schedule.sendTime: '9h' is not a time of day such as 09:00");

        // Sunday 2027-03-21 08:00Z is 09:00 in Berlin (CET); Berlin springs forward on 2027-03-28, New York did on 2027-03-14.
        var panelId = await engine.CreatePanelAsync(new()
        {
            ["start"] = new DateTimeOffset(2027, 3, 21, 8, 0, 0, TimeSpan.Zero),
            ["waves"] = 2,
            ["interval"] = "P7D",
            ["window"] = "P5D",
            ["sendTime"] = "09:00",
            ["reminders"] = new[] { "P3D" },
        });
        var berlin = (await engine.EnrolAsync(panelId, StackFixture.Emails(1), "Europe/Berlin")).Values.Single();
        var newYork = (await engine.EnrolAsync(panelId, StackFixture.Emails(1), "America/New_York")).Values.Single();

        var plan = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
        List<(int, string, DateTimeOffset, string)> For(string participant) => plan.GetProperty("sends").EnumerateArray()
            .Where(s => s.GetProperty("participantId").GetString() == participant)
            .Select(s => (s.GetProperty("wave").GetInt32(), s.GetProperty("kind").GetString()!, s.GetProperty("dueAt").GetDateTimeOffset(), s.GetProperty("state").GetString()!))
            .OrderBy(s => s.Item3)
            .ToList();
        var cet = TimeSpan.FromHours(1);
        var cest = TimeSpan.FromHours(2);
        var edt = TimeSpan.FromHours(-4);
        Assert.Equal(
            [
                (1, "invite", new DateTimeOffset(2027, 3, 21, 9, 0, 0, cet), "planned"),
                (1, "reminder-1", new DateTimeOffset(2027, 3, 24, 9, 0, 0, cet), "planned"),
                (2, "invite", new DateTimeOffset(2027, 3, 28, 9, 0, 0, cest), "planned"),
                (2, "reminder-1", new DateTimeOffset(2027, 3, 31, 9, 0, 0, cest), "planned"),
            ],
            For(berlin));
        Assert.Equal(
            [
                (1, "invite", new DateTimeOffset(2027, 3, 21, 9, 0, 0, edt), "planned"),
                (1, "reminder-1", new DateTimeOffset(2027, 3, 24, 9, 0, 0, edt), "planned"),
                (2, "invite", new DateTimeOffset(2027, 3, 28, 9, 0, 0, edt), "planned"),
                (2, "reminder-1", new DateTimeOffset(2027, 3, 31, 9, 0, 0, edt), "planned"),
            ],
            For(newYork));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), For(berlin)[2].Item3 - For(berlin)[0].Item3);
    }

    private Task<HttpResponseMessage> PutScheduleAsync(string panelId, object schedule) =>
        stack.Admin.PutAsJsonAsync($"api/panels/{panelId}/schedule", schedule);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        var problems = JsonDocument.Parse(body).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith(message, StringComparison.Ordinal));
    }
}
