using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spectre.Console;
using Tracker.LocalHost;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Cli.Summaries;

namespace Tracker.Cli.Demo;

/// <summary>
/// Drives the demo as a researcher and the participants would: the panel and the enrolment through the admin API,
/// the invitations by the dispatch timer, and every answer through the personal link read back from smtp4dev.
/// </summary>
public sealed partial class DemoRunner(TrackerStack stack, AcceleratedTimeProvider clock, DemoPopulation population, DemoTruth truth)
{
    private const int Concurrency = 8;
    private const string Stakeholder = "stakeholder@example.org";
    private const string SendTime = "09:00";
    private const string PanelName = "Short-video co-creation panel (demo)";
    private static readonly string[] FirstNames = ["Alex", "Mia", "Jonas", "Yuki", "Sam", "Lena", "Noah", "Emma", "Kenji", "Ava"];
    private static readonly string[] ReminderOffsets = ["P3D", "P5D"];
    private static readonly TimeSpan WaveInterval = TimeSpan.FromDays(7);
    private static readonly TimeSpan WaveWindow = TimeSpan.FromDays(6);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> firstAnswered = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> RunAsync(int participantCount, int waves, CancellationToken cancellationToken)
    {
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        using var web = stack.Host.CreateClient();
        using var inbox = stack.Smtp4dev!.CreateClient();
        var start = clock.GetUtcNow().AddHours(2);

        var example = DemoExample.Load(RepositoryRoot.Find());
        var visit = new DemoVisit(population, example.Instrument);
        var schedule = new JsonObject
        {
            ["start"] = start, ["waves"] = waves, ["interval"] = "P7D", ["window"] = "P6D", ["sendTime"] = SendTime,
            ["reminders"] = new JsonArray([.. ReminderOffsets.Select(r => (JsonNode)JsonValue.Create(r))]),
        };
        var created = await admin.PostAsJsonAsync("api/panels", example.Definition(PanelName, schedule, [Stakeholder]), cancellationToken);
        var panelId = (await ReadAsync(created, cancellationToken)).GetProperty("id").GetString()!;
        AnsiConsole.MarkupLine($"Created panel [bold]{panelId}[/] from the example panel of docs/instruments.md ([bold]docs/examples/co-creation-panel.json[/]): consent first, a baseline page of demographics in wave 1, "
            + $"the 9 constructs × 3 items on three pages every wave, English and German; {waves} weekly waves at {SendTime} participants' local time, reminders after 3 and 5 days.");

        var people = population.Draw(participantCount, waves);
        var csv = "email,external_id,time_zone,first_name\n" + string.Join('\n', people.Select((p, i) => $"{p.Email},demo-{i + 1},{ZoneOf(i)},{FirstNames[i % FirstNames.Length]}"));
        using (var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))
        {
            var import = await ReadAsync(await admin.PostAsync($"api/panels/{panelId}/participants", content, cancellationToken), cancellationToken);
            AnsiConsole.MarkupLine($"Enrolled {import.GetProperty("added").GetInt32()} simulated participants (with first names, for the invitations' greeting) in Europe/Berlin, America/New_York and Asia/Tokyo.");
        }

        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var optOuts = new DemoOptOuts();
        var declined = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var totalAnswered = 0;
        for (var wave = 1; wave <= waves; wave++)
        {
            var invitationSubject = example.Subject("invitation", PanelName, wave, waves);
            var invitations = await WaitForMessagesAsync(inbox, invitationSubject, people.Count - optOuts.Left.Count - declined.Count, clock.ToRealTime(WaveInterval) + TimeSpan.FromSeconds(60), cancellationToken);
            var invitedAt = clock.GetUtcNow();
            var answering = invitations.Keys.Where(e => byEmail.TryGetValue(e, out var p) && population.Answers(p, wave)).ToList();
            var early = answering.Where(e => !AnswersLate(e, wave)).ToList();
            var first = await VisitAsync(web, visit, example, early, invitations, byEmail, wave, cancellationToken);
            var agreed = first.Values.Count(r => r.Consented);
            var declinedNow = first.Where(r => r.Value.Outcome == DemoVisitOutcome.Declined).Select(r => r.Key).ToList();
            declined.UnionWith(declinedNow);
            var interrupted = first.Where(r => r.Value.Outcome == DemoVisitOutcome.Interrupted).Select(r => r.Key).ToList();

            if (wave == 1)
            {
                await optOuts.ChooseAsync(web, inbox, invitations, invitationSubject, answering, cancellationToken);
                AnsiConsole.MarkupLine($"Opt-outs from the emails' footer link: one participant left the panel with the one-click List-Unsubscribe POST, one stopped reminders, one skipped wave 1.");
            }

            // Reminder 1 goes three days after each invitation, only to those who have saved nothing (a page saved counts) and have not declined.
            var expectedReminders = invitations.Keys.Count(e => first.GetValueOrDefault(e)?.FirstSaved is null && !declined.Contains(e) && optOuts.GetsReminders(e, wave));
            await WaitUntilAsync(invitedAt + TimeSpan.FromDays(3) + TimeSpan.FromHours(4), cancellationToken);
            var reminders = await WaitForMessagesAsync(inbox, example.Subject("reminder", PanelName, wave, waves), expectedReminders, TimeSpan.FromSeconds(30), cancellationToken);
            // A reminder that arrived after the recipient's first page was saved would be a bug; one that crossed with it is not.
            var remindedRespondents = reminders.Count(r => first.TryGetValue(r.Key, out var result) && result.FirstSaved is { } savedAt && r.Value.Received > savedAt);
            var late = answering.Except(early, StringComparer.OrdinalIgnoreCase).Where(reminders.ContainsKey).ToList();
            var second = await VisitAsync(web, visit, example, late, reminders, byEmail, wave, cancellationToken);
            declined.UnionWith(second.Where(r => r.Value.Outcome == DemoVisitOutcome.Declined).Select(r => r.Key));

            // The interrupted come back with the invitation's link on another device (a fresh client: no cookies, nothing carried over); a few never do.
            var returning = interrupted.Where(e => !Abandons(e, wave)).ToList();
            var resumed = await VisitAsync(null, visit, example, returning, invitations, byEmail, wave, cancellationToken);
            var completed = new[] { first, second, resumed }.Sum(r => r.Values.Count(v => v.Outcome == DemoVisitOutcome.Completed));
            totalAnswered += completed;
            AnsiConsole.MarkupLine($"Wave {wave} (simulated {invitedAt:yyyy-MM-dd HH:mm} UTC): {invitations.Count} invitations; "
                + (agreed + declinedNow.Count > 0 ? $"{agreed + second.Values.Count(r => r.Consented)} agreed to the consent page and {declinedNow.Count + second.Values.Count(r => r.Outcome == DemoVisitOutcome.Declined)} declined; " : "")
                + $"{first.Values.Count(r => r.Outcome == DemoVisitOutcome.Completed)} answered at once, page by page, {interrupted.Count} stopped mid-way; "
                + $"{reminders.Count} first reminders went out ({(remindedRespondents == 0 ? "none to anyone who had started" : $"[red]{remindedRespondents} to people who had started[/]")}), "
                + $"{second.Values.Count(r => r.Outcome == DemoVisitOutcome.Completed)} answered after the reminder; "
                + $"{resumed.Values.Count(r => r.Outcome == DemoVisitOutcome.Completed)} of the interrupted resumed on another device where they had stopped and finished, {interrupted.Count - returning.Count} never came back (partial).");
            if (wave < waves)
            {
                // smtp4dev lists its whole mailbox on every poll and slows as it fills, which on an accelerated clock
                // costs simulated days: a wave's mail is cleared once the wave has been read (the ledger keeps the record).
                await inbox.DeleteAllAsync(cancellationToken);
                await WaitUntilAsync(start + wave * WaveInterval - TimeSpan.FromMinutes(30), cancellationToken);
            }
        }

        // The last participants' windows close up to a day after the nominal close (local send times); then the seal timer runs.
        await WaitUntilAsync(start + (waves - 1) * WaveInterval + Tracker.Engine.Panels.WaveSchedule.SendTimeSlack + WaveWindow + TimeSpan.FromHours(4), cancellationToken);
        var status = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status", cancellationToken);
        PrintStatus(status);
        await PrintConsentAsync(admin, panelId, cancellationToken);
        PrintWhereToLook(panelId);
        AnsiConsole.MarkupLine($"Simulation truth: willingness starts near {truth.Initial:0.0} and decays towards {truth.Plateau:0.0} with a half-life of {truth.HalfLifeDays:0} days; {truth.DropOutPerWave:P0} drop out per wave.");
        await SummariseAsync(admin, inbox, panelId, cancellationToken);
        return totalAnswered > 0;
    }

    /// <summary>The consent record as an ethics board would ask for it: who agreed to which version and who declined.</summary>
    private static async Task PrintConsentAsync(HttpClient admin, string panelId, CancellationToken cancellationToken)
    {
        var report = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent", cancellationToken);
        var records = report.GetProperty("records").EnumerateArray().ToList();
        int Count(string decision) => records.Count(r => r.GetProperty("decision").GetString() == decision);
        AnsiConsole.MarkupLine($"Consent (version {Markup.Escape(report.GetProperty("currentVersion").GetString() ?? "")}): {Count("agreed")} agreed, {Count("declined")} declined and were emailed no more; "
            + $"each decision is recorded with the hash of the text shown, its language and the time (GET …/panels/{panelId}/consent, tracker consent --panel {panelId}).");
    }

    /// <summary>Runs the model and summary timers as Azure would after the last wave closed, and shows the fit beside the truth.</summary>
    private async Task SummariseAsync(HttpClient admin, Smtp4devClient inbox, string panelId, CancellationToken cancellationToken)
    {
        await stack.Host.InvokeAsync("FitWillingnessModel", null, cancellationToken);
        await stack.Host.InvokeAsync("SendTrendSummaries", null, cancellationToken);
        using var modelResponse = await admin.GetAsync($"api/panels/{panelId}/model", cancellationToken);
        if (!modelResponse.IsSuccessStatusCode)
        {
            // Only when no answer was saved at all (e.g. a machine so loaded that the accelerated clock closed every wave first).
            AnsiConsole.MarkupLine($"[yellow]No model was stored ({(int)modelResponse.StatusCode}); try again with a slower clock: --seconds-per-day 6.[/]");
            return;
        }

        ModelVersusTruthPrinter.Print(await modelResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), truth);

        var messages = await inbox.WaitForMessagesAsync(all => all.Any(m => m.To.Contains(Stakeholder, StringComparer.OrdinalIgnoreCase)), TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        var summary = messages.First(m => m.To.Contains(Stakeholder, StringComparer.OrdinalIgnoreCase));
        var folder = Path.Combine(RepositoryRoot.Find(), ".tracker", "demo-summary");
        using var api = stack.Host.CreateClient(withAdminKey: true);
        api.BaseAddress = stack.ApiBaseUrl;
        var written = await SummaryCommand.FetchAsync(api, panelId, folder, cancellationToken);
        AnsiConsole.MarkupLine($"The stakeholder summary \"{Markup.Escape(summary.Subject)}\" is in smtp4dev ({Markup.Escape(stack.Smtp4dev!.WebUrl.ToString())}) "
            + (written.Ok ? $"and on disk in [bold]{Markup.Escape(folder)}[/] (summary.html and three PNGs)." : $"[yellow]but could not be written to disk: {Markup.Escape(written.Message)}[/]"));
    }

    /// <summary>Waits until at least <paramref name="expected"/> messages with the subject arrived (or the time-out passed) and returns each recipient's survey link.</summary>
    private static async Task<Dictionary<string, DemoEmail>> WaitForMessagesAsync(Smtp4devClient inbox, string subject, int expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IReadOnlyList<Smtp4devMessageSummary> messages;
        try
        {
            messages = await inbox.WaitForMessagesAsync(all => all.Count(m => m.Subject.Contains(subject, StringComparison.Ordinal)) >= expected, timeout, cancellationToken: cancellationToken);
        }
        catch (TimeoutException)
        {
            messages = await inbox.ListMessagesAsync(cancellationToken: cancellationToken);
        }

        var links = new Dictionary<string, DemoEmail>(StringComparer.OrdinalIgnoreCase);
        var wanted = messages.Where(m => m.Subject.Contains(subject, StringComparison.Ordinal) && m.To.Count > 0).ToList();

        // In parallel: read one by one, a few hundred messages cost simulated days on the accelerated clock.
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            var match = LinkPattern().Match(await inbox.GetPlainTextAsync(message.Id, ct));
            if (!match.Success) return;
            lock (links) links[message.To[0]] = new DemoEmail(match.Value, message.ReceivedDate);
        });
        return links;
    }

    /// <summary>
    /// Each participant follows their personal link through consent and the form's pages; about one in ten of those
    /// answering at once in a wave is interrupted after a page or two. <paramref name="web"/> null: each on a fresh
    /// client, as on a second device.
    /// </summary>
    private async Task<Dictionary<string, DemoVisitResult>> VisitAsync(
        HttpClient? web, DemoVisit visit, DemoExample example, IReadOnlyList<string> who, Dictionary<string, DemoEmail> links, Dictionary<string, SimulatedParticipant> byEmail, int wave, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, DemoVisitResult>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(who, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (email, ct) =>
        {
            // The simulated willingness follows the time Tracker models: days since this participant's first answer.
            var now = clock.GetUtcNow();
            var days = (now - firstAnswered.GetOrAdd(email, now)).TotalDays;
            var items = population.AnswersFor(byEmail[email], example.Instrument, days);
            var stopAfter = web is not null && Interrupted(email, wave) ? 1 + (int)((uint)HashCode.Combine(email.ToUpperInvariant(), wave) % 2) : (int?)null;
            using var device = web is null ? stack.Host.CreateClient() : null;
            var result = await visit.RunAsync(device ?? web!, links[email].Link, byEmail[email], items, !Declines(email), stopAfter, ct);
            lock (results) results[email] = result;
        });
        return results;
    }

    /// <summary>About a third of those who answer a wave wait for the reminder (a stable choice per person and wave).</summary>
    private static bool AnswersLate(string email, int wave) =>
        (uint)HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(email), wave) % 3 == 0;

    /// <summary>About one in ten of those who answer at once is interrupted part-way through the wave's pages.</summary>
    private static bool Interrupted(string email, int wave) =>
        (uint)HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(email), wave, 17) % 10 == 0;

    /// <summary>One in four of the interrupted never comes back: their response stays partial, shown in status, left out of the models.</summary>
    private static bool Abandons(string email, int wave) =>
        (uint)HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(email), wave, 29) % 4 == 0;

    /// <summary>About one in twenty-five declines the consent (and is emailed no more).</summary>
    private static bool Declines(string email) =>
        (uint)HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(email), 41) % 25 == 0;

    private static string ZoneOf(int index) => (index % 5) switch
    {
        3 => "America/New_York",
        4 => "Asia/Tokyo",
        _ => "Europe/Berlin",
    };


    private async Task WaitUntilAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var remaining = instant - clock.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(clock.ToRealTime(remaining), cancellationToken);
        }
    }

    private static void PrintStatus(JsonElement status)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Panel status")
            .AddColumn("Wave").AddColumn("State").AddColumn(new TableColumn("Invited").RightAligned())
            .AddColumn(new TableColumn("Reminded").RightAligned()).AddColumn(new TableColumn("Opted out").RightAligned())
            .AddColumn(new TableColumn("Responded").RightAligned()).AddColumn(new TableColumn("Partial").RightAligned()).AddColumn(new TableColumn("Response rate").RightAligned())
            .AddColumn("Responded after");
        foreach (var wave in status.GetProperty("waves").EnumerateArray())
        {
            var rate = wave.GetProperty("responseRate");
            table.AddRow(
                wave.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("state").GetString()!,
                wave.GetProperty("invited").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("reminded").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("optedOut").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("responded").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("partial").GetInt32().ToString(CultureInfo.InvariantCulture),
                rate.ValueKind == JsonValueKind.Number ? rate.GetDouble().ToString("P1", CultureInfo.InvariantCulture) : "–",
                string.Join(", ", wave.GetProperty("respondedAfter").EnumerateArray().Select(a =>
                    $"{a.GetProperty("message").GetString()} {a.GetProperty("share").GetDouble().ToString("P0", CultureInfo.InvariantCulture)}")));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Retention (still active): {status.GetProperty("retention").GetDouble():P1}; {status.GetProperty("left").GetInt32()} left, {status.GetProperty("remindersOff").GetInt32()} stopped reminders.");
    }

    private void PrintWhereToLook(string panelId)
    {
        AnsiConsole.MarkupLine($"Where to look: the inbox at [link]{Markup.Escape(stack.Smtp4dev!.WebUrl.ToString())}[/] holds the last wave's invitations and reminders (earlier waves' mail is cleared as the demo goes) and the summary; "
            + $"Table storage holds panels, waves, participants, contacts (emails, kept apart), invitations (the send ledger) and responses; "
            + $"GET {Markup.Escape(stack.ApiBaseUrl.ToString())}panels/{panelId}/status with the admin key shows this table.");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }

        return body;
    }

    [GeneratedRegex(@"https?://[^\s]+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();
}
