using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Cli.Api;
using Tracker.Cli.Dashboard;
using Tracker.Cli.Models;
using Tracker.Cli.Panels;
using Tracker.Cli.Participants;
using Tracker.Cli.Schedules;
using Tracker.Cli.Waves;

namespace Tracker.Browser.Tests;

/// <summary>
/// The admin actions that needed curl before #18 — send and seal a wave, fetch the model, edit the schedule, erase a
/// participant, mint the dashboard link — run as tracker commands in-process against the real stack, each checked on
/// what it printed and on what the stack then holds.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResearcherWaveCliTests(BrowserFixture stack)
{
    [Fact]
    public async Task A_wave_is_sent_followed_sealed_and_modelled_from_the_command_line()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        var noModel = await RunAsync("model", "--panel", panelId);
        Assert.Equal(1, noModel.ExitCode);
        Assert.StartsWith($"error: no model yet for panel {panelId}", OneLine(noModel.Error), StringComparison.Ordinal);

        var emails = BrowserFixture.Emails(3);
        await stack.ImportAsync(panelId, emails);
        var sent = await RunAsync("wave", "send", "--panel", panelId, "--wave", "1", "--wait");
        Assert.Equal((0, ""), (sent.ExitCode, sent.Error));
        Assert.Contains($"Wave 1 of panel {panelId}: queued 3 message(s) now; 0 already queued or being sent, 0 already settled", sent.Output, StringComparison.Ordinal);
        Assert.Contains("Wave 1 sent: invited 3 of 3 planned, reminded 0, messages sent 3, failed 0, unknown 0, responded 0.", sent.Output, StringComparison.Ordinal);
        // --wait returned only when the queue had sent everything: the stack agrees, and every invitation is in the inbox.
        var wave1 = (await stack.StatusAsync(panelId)).GetProperty("waves")[0];
        Assert.Equal((3, 3, 0, 0), (wave1.GetProperty("invited").GetInt32(), wave1.GetProperty("sent").GetInt32(), wave1.GetProperty("queued").GetInt32(), wave1.GetProperty("sending").GetInt32()));
        var links = await stack.LinksForAsync(emails, wave: 1);
        Assert.Equal(3, links.Count);

        var again = await RunAsync("wave", "send", "--panel", panelId, "--wave", "1", "--json");
        Assert.Equal(0, again.ExitCode);
        var answer = JsonDocument.Parse(again.Output).RootElement;
        Assert.Equal((1, 0, 0, 3), (answer.GetProperty("wave").GetInt32(), answer.GetProperty("queued").GetInt32(), answer.GetProperty("inFlight").GetInt32(), answer.GetProperty("settled").GetInt32()));

        var resend = await RunAsync("wave", "resend-unknown", "--panel", panelId, "--wave", "1");
        Assert.Equal(0, resend.ExitCode);
        Assert.Contains("queued 0 message(s) of unknown outcome again (none was unknown)", resend.Output, StringComparison.Ordinal);

        await stack.SubmitAsync(links[emails[0]], 6);
        await stack.SubmitAsync(links[emails[1]], 2);
        var tooEarly = await RunAsync("wave", "seal", "--panel", panelId, "--wave", "1");
        Assert.Equal(2, tooEarly.ExitCode);
        Assert.Contains("Wave 1 is not closed yet", OneLine(tooEarly.Error), StringComparison.Ordinal);

        stack.Clock.Advance(TimeSpan.FromDays(6));
        var sealedNow = await RunAsync("wave", "seal", "--panel", panelId, "--wave", "1");
        Assert.Equal((0, ""), (sealedNow.ExitCode, sealedNow.Error));
        Assert.Matches($@"Sealed wave 1 of panel {panelId} at [0-9: -]+ UTC: 2 response row\(s\) in sealed-waves/{panelId}/wave-0001\.csv\.", sealedNow.Output);
        Assert.Equal("sealed", (await stack.StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("state").GetString());
        var resealed = JsonDocument.Parse((await RunAsync("wave", "seal", "--panel", panelId, "--wave", "1", "--json")).Output).RootElement;
        Assert.Equal((false, 2), (resealed.GetProperty("sealedNow").GetBoolean(), resealed.GetProperty("rows").GetInt32()));

        // Sealing fitted the model: the table's wave row is the two answers of three invited, and --json is the stored document itself.
        var model = await RunAsync("model", "--panel", panelId);
        Assert.Equal((0, ""), (model.ExitCode, model.Error));
        Assert.Contains("fitted at", model.Output, StringComparison.Ordinal);
        Assert.Contains("1 with responses of 2 planned", model.Output, StringComparison.Ordinal);
        Assert.Matches(@"│\s+1 │ closed\s+│[^│]+│[^│]+│\s+0\.0 │\s+3 │\s+2 │\s+66\.7 % │", model.Output);
        Assert.Matches(@"growth\s+│ not fitted: ", model.Output);
        var stored = await stack.Admin.GetStringAsync($"api/panels/{panelId}/model");
        var asJson = await RunAsync("model", "--panel", panelId, "--json");
        Assert.Equal(stored, asJson.Output.TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task A_schedule_is_edited_from_the_command_line_and_a_bad_one_is_one_line()
    {
        var start = stack.Clock.GetUtcNow().AddDays(1);
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new { name = "Schedule edit", instrument = "default", schedule = new { start, waves = 2, interval = "P7D", window = "P5D" } });
        var panelId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await stack.ImportAsync(panelId, BrowserFixture.Emails(1));

        var edited = await RunAsync("schedule", "edit", "--panel", panelId, "--start", start.ToString("O"), "--waves", "4", "--interval", "P14D", "--window", "P7D", "--reminder", "P2D", "--reminder", "P5D");
        Assert.Equal((0, ""), (edited.ExitCode, edited.Error));
        Assert.Contains($"Schedule of panel {panelId} changed: waves from 1 re-planned.", edited.Output, StringComparison.Ordinal);
        Assert.Matches(@"│\s+4 │ [0-9: -]+ │ [0-9: -]+ │ yes\s+│", edited.Output);

        var waves = (await stack.StatusAsync(panelId)).GetProperty("waves").EnumerateArray().Select(w => w.GetProperty("opensAt").GetDateTimeOffset()).ToList();
        Assert.Equal(4, waves.Count);
        Assert.Equal(TimeSpan.FromDays(14), waves[3] - waves[2]);
        // The reminders went with the schedule: the plan now holds an invitation and two reminders in every wave.
        var plan = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan?sends=false");
        Assert.All(plan.GetProperty("waves").EnumerateArray(), w => Assert.Equal(["invite", "reminder-1", "reminder-2"], w.GetProperty("counts").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal)));
        Assert.Equal(4, plan.GetProperty("waves").GetArrayLength());

        var bad = await RunAsync("schedule", "edit", "--panel", panelId, "--start", start.ToString("O"), "--waves", "4", "--interval", "P1M", "--window", "P7D");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("schedule.interval", OneLine(bad.Error), StringComparison.Ordinal);
        Assert.Equal(4, (await stack.StatusAsync(panelId)).GetProperty("waves").GetArrayLength());

        // The data-retention date travels with the edit and is checked against the edited schedule.
        var lastClose = waves[3].AddDays(7);
        var keepUntil = DateOnly.FromDateTime(lastClose.UtcDateTime).AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string[] sameSchedule = ["schedule", "edit", "--panel", panelId, "--start", start.ToString("O"), "--waves", "4", "--interval", "P14D", "--window", "P7D", "--reminder", "P2D", "--reminder", "P5D"];
        var retained = await RunAsync([.. sameSchedule, "--data-retention-until", keepUntil, "--researcher-email", "pi@example.org"]);
        Assert.Equal((0, ""), (retained.ExitCode, retained.Error));
        Assert.Equal(keepUntil, (await stack.StatusAsync(panelId)).GetProperty("dataRetentionUntil").GetString());
        var tooEarly = await RunAsync([.. sameSchedule, "--data-retention-until", DateOnly.FromDateTime(lastClose.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(2, tooEarly.ExitCode);
        Assert.Contains("dataRetentionUntil", OneLine(tooEarly.Error), StringComparison.Ordinal);
        Assert.Equal(keepUntil, (await stack.StatusAsync(panelId)).GetProperty("dataRetentionUntil").GetString());
    }

    [Fact]
    public async Task A_participant_is_erased_only_when_confirmed_and_cannot_be_enrolled_again()
    {
        var panelId = await stack.CreatePanelAsync();
        var emails = BrowserFixture.Emails(2);
        await stack.ImportAsync(panelId, emails);
        var plan = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
        var participantId = plan.GetProperty("sends")[0].GetProperty("participantId").GetString()!;
        string[] erase = ["participants", "erase", "--panel", panelId, "--participant", participantId];

        var script = await RunAsync(new TerminalInput(false, new StringReader("y\n")), erase);
        Assert.Equal(2, script.ExitCode);
        Assert.Contains("standard input is not a terminal to confirm on: add --yes", OneLine(script.Error), StringComparison.Ordinal);
        var declined = await RunAsync(new TerminalInput(true, new StringReader("n\n")), erase);
        Assert.Equal(0, declined.ExitCode);
        Assert.Contains("This cannot be undone. [y/N] Not erased.", declined.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await stack.StatusAsync(panelId)).GetProperty("activeParticipants").GetInt32());

        var confirmed = await RunAsync(new TerminalInput(true, new StringReader("y\n")), ["participant", .. erase[1..]]);
        Assert.Equal((0, ""), (confirmed.ExitCode, confirmed.Error));
        Assert.Contains($"Erased participant {participantId} of panel {panelId}: contact deleted, nothing more will be sent; answers kept.", confirmed.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await stack.StatusAsync(panelId)).GetProperty("activeParticipants").GetInt32());

        // Re-importing both addresses enrols neither again: the erased one is refused with the reason, the other is known.
        using var csv = new StringContent("email\n" + string.Join('\n', emails), System.Text.Encoding.UTF8, "text/csv");
        var reimport = await (await stack.Admin.PostAsync($"api/panels/{panelId}/participants", csv)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, reimport.GetProperty("added").GetInt32());
        Assert.Contains("erased at the participant's request", Assert.Single(reimport.GetProperty("rejected").EnumerateArray()).GetProperty("reason").GetString(), StringComparison.Ordinal);

        var repeated = await RunAsync(new TerminalInput(false, TextReader.Null), [.. erase, "--yes", "--responses", "--json"]);
        Assert.Equal(0, repeated.ExitCode);
        Assert.True(JsonDocument.Parse(repeated.Output).RootElement.GetProperty("responsesErased").GetBoolean());

        // A request arrives by email: the address finds the other participant (the erased one's address is gone).
        var found = new Dictionary<string, HttpStatusCode>();
        foreach (var address in emails)
        {
            using var lookup = await stack.Admin.PostAsJsonAsync($"api/panels/{panelId}/participants/lookup", new { email = address.ToUpperInvariant() });
            found[address] = lookup.StatusCode;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound], found.Values.Order());
        var remaining = found.Single(f => f.Value == HttpStatusCode.OK).Key;
        var byEmail = await RunAsync(new TerminalInput(false, TextReader.Null), ["participants", "erase", "--panel", panelId, "--email", remaining, "--yes"]);
        Assert.Equal((0, ""), (byEmail.ExitCode, byEmail.Error));
        Assert.Matches($@"Erased participant [0-9a-z]{{16}} of panel {panelId}: contact deleted", byEmail.Output);
        Assert.DoesNotContain(participantId, byEmail.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await stack.StatusAsync(panelId)).GetProperty("activeParticipants").GetInt32());

        var unknown = await RunAsync(new TerminalInput(false, TextReader.Null), ["participants", "erase", "--panel", panelId, "--email", remaining, "--yes"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No participant of panel", OneLine(unknown.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_link_is_printed_opened_and_signs_the_browser_in()
    {
        var panelId = await stack.CreatePanelAsync();
        var opened = new List<Uri>();
        var run = await RunAsync(null, ["dashboard", "--panel", panelId, "--open"], url => { opened.Add(url); return true; });
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        var url = run.Output.Split('\n')[0].Trim();
        Assert.StartsWith(stack.Url($"panels/{panelId}/dashboard/open?link="), url, StringComparison.Ordinal);
        Assert.DoesNotContain(stack.Stack.AdminKey, url, StringComparison.Ordinal);
        Assert.Equal(url, Assert.Single(opened).AbsoluteUri);
        Assert.Contains("Opened in the browser.", run.Output, StringComparison.Ordinal);

        using var response = await stack.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tracker_dashboard=", StringComparison.Ordinal));

        var notOpened = new List<Uri>();
        var json = await RunAsync(null, ["dashboard", "--panel", panelId, "--json"], url => { notOpened.Add(url); return true; });
        var link = JsonDocument.Parse(json.Output).RootElement;
        Assert.InRange(link.GetProperty("expiresAt").GetDateTimeOffset() - stack.Clock.GetUtcNow(), TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Empty(notOpened);
    }

    [Fact]
    public async Task Links_are_reissued_from_the_command_line_once_per_key_and_respondents_only_on_request()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        var emails = BrowserFixture.Emails(3);
        await stack.ImportAsync(panelId, emails);
        Assert.Equal(0, (await RunAsync("wave", "send", "--panel", panelId, "--wave", "1", "--wait")).ExitCode);
        var links = await stack.LinksForAsync(emails, wave: 1);
        await stack.SubmitAsync(links[emails[0]], 6);

        // Two of three have not answered: each gets one new link; a second call under the same key queues nothing.
        var first = await RunAsync("wave", "reissue", "--panel", panelId, "--wave", "1");
        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Matches($@"Wave 1 of panel {panelId}: queued 2 reissued link\(s\) under key \S+; 0 already had one\.", first.Output);
        var again = JsonDocument.Parse((await RunAsync("wave", "reissue", "--panel", panelId, "--wave", "1", "--json")).Output).RootElement;
        Assert.Equal((1, 0, 2), (again.GetProperty("wave").GetInt32(), again.GetProperty("queued").GetInt32(), again.GetProperty("alreadyReissued").GetInt32()));
        var withRespondents = JsonDocument.Parse((await RunAsync("wave", "reissue", "--panel", panelId, "--wave", "1", "--include-responded", "--json")).Output).RootElement;
        Assert.Equal((1, 2), (withRespondents.GetProperty("queued").GetInt32(), withRespondents.GetProperty("alreadyReissued").GetInt32()));

        // The queue sends them: status counts three reissued participants, and no reminder or second invitation.
        var wave = (await stack.StatusAsync(panelId)).GetProperty("waves")[0];
        for (var tries = 0; tries < 60 && wave.GetProperty("reissued").GetInt32() < 3; tries++)
        {
            await Task.Delay(500);
            wave = (await stack.StatusAsync(panelId)).GetProperty("waves")[0];
        }

        Assert.Equal((3, 3, 0), (wave.GetProperty("reissued").GetInt32(), wave.GetProperty("invited").GetInt32(), wave.GetProperty("reminded").GetInt32()));
    }

    [Fact]
    public async Task Reissue_for_an_unknown_panel_is_one_line_and_exit_2()
    {
        var run = await RunAsync("wave", "reissue", "--panel", "pNOSUCHPANEL", "--wave", "1");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", OneLine(run.Error), StringComparison.Ordinal);
        Assert.Contains("not found", OneLine(run.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_examples_for_every_new_command()
    {
        string[][] commands = [["wave", "send"], ["wave", "seal"], ["wave", "resend-unknown"], ["wave", "reissue"], ["schedule", "edit"], ["participants", "erase"], ["model"], ["dashboard"], ["panel", "show"], ["panel", "close"], ["panel", "delete"]];
        foreach (var command in commands)
        {
            var help = await RunAsync([.. command, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Examples:", help.Output, StringComparison.Ordinal);
            Assert.Contains("TRACKER_ADMIN_KEY", help.Output, StringComparison.Ordinal);
        }
    }

    private static string OneLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => RunAsync(null, arguments);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(TerminalInput? input, string[] arguments, Func<Uri, bool>? open = null) =>
        InProcessCli.RunAsync(stack, Commands(input, open), arguments);

    private static IEnumerable<Command> Commands(TerminalInput? input, Func<Uri, bool>? open) =>
        [WaveCommand.Create(), PanelCommand.Create(() => false), ScheduleCommand.Create(), ModelCommand.Create(), ParticipantsCommand.Create(input ?? new TerminalInput(false, TextReader.Null)), DashboardCommand.Create(open ?? (_ => false))];
}
