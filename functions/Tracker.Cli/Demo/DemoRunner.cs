using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spectre.Console;
using Tracker.LocalHost;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Cli.Summaries;
using Tracker.Panels.Instruments;

namespace Tracker.Cli.Demo;

/// <summary>
/// Drives the demo as a researcher and the participants would: the panel and the enrolment through the admin API,
/// the invitations by the dispatch timer, and every answer through the personal link read back from smtp4dev.
/// </summary>
public sealed partial class DemoRunner
{
    private const int Concurrency = 8;
    private const string Stakeholder = "stakeholder@example.org";
    private static readonly TimeSpan WaveInterval = TimeSpan.FromDays(7);
    private static readonly TimeSpan WaveWindow = TimeSpan.FromDays(6);
    private readonly TrackerStack stack;
    private readonly AcceleratedTimeProvider clock;
    private readonly DemoPopulation population;
    private readonly DemoTruth truth;

    public DemoRunner(TrackerStack stack, AcceleratedTimeProvider clock, DemoPopulation population, DemoTruth truth)
    {
        this.stack = stack;
        this.clock = clock;
        this.population = population;
        this.truth = truth;
    }

    public async Task<bool> RunAsync(int participantCount, int waves, CancellationToken cancellationToken)
    {
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        using var web = stack.Host.CreateClient();
        using var inbox = stack.Smtp4dev!.CreateClient();
        var start = clock.GetUtcNow().AddHours(2);

        var created = await admin.PostAsJsonAsync("api/panels", new
        {
            name = "Short-video co-creation panel (demo)",
            instrument = "default",
            timeZone = "Europe/Berlin",
            stakeholders = new[] { Stakeholder },
            schedule = new { start, waves, interval = "P7D", window = "P6D" },
        }, cancellationToken);
        var panelId = (await ReadAsync(created, cancellationToken)).GetProperty("id").GetString()!;
        AnsiConsole.MarkupLine($"Created panel [bold]{panelId}[/]: {waves} weekly waves, default instrument (9 constructs × 3 items).");

        var people = population.Draw(participantCount, waves);
        var csv = "email,external_id,time_zone\n" + string.Join('\n', people.Select((p, i) => $"{p.Email},demo-{i + 1},Europe/Berlin"));
        using (var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))
        {
            var import = await ReadAsync(await admin.PostAsync($"api/panels/{panelId}/participants", content, cancellationToken), cancellationToken);
            AnsiConsole.MarkupLine($"Enrolled {import.GetProperty("added").GetInt32()} simulated participants.");
        }

        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var totalAnswered = 0;
        for (var wave = 1; wave <= waves; wave++)
        {
            var links = await WaitForInvitationsAsync(inbox, wave, people.Count, cancellationToken);
            var days = (wave - 1) * WaveInterval.TotalDays;
            var answering = links.Where(l => byEmail.TryGetValue(l.Key, out var p) && population.Answers(p, wave))
                .Select(l => (Link: l.Value, Answers: population.AnswersFor(byEmail[l.Key], DefaultInstrument.Instance, days)))
                .ToList();
            var statuses = new List<HttpStatusCode>();
            await Parallel.ForEachAsync(answering, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (a, ct) =>
            {
                using var form = new FormUrlEncodedContent(a.Answers.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture))));
                using var response = await web.PostAsync(new Uri(a.Link), form, ct);
                lock (statuses) statuses.Add(response.StatusCode);
            });
            var saved = statuses.Count(s => s == HttpStatusCode.OK);
            totalAnswered += saved;
            AnsiConsole.MarkupLine($"Wave {wave} (simulated {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC): {links.Count} invitations received, {saved} participants answered through their links"
                + (saved < answering.Count ? $", [yellow]{answering.Count - saved} refused[/]" : "") + ".");
            if (wave < waves)
            {
                await WaitUntilAsync(start + wave * WaveInterval - TimeSpan.FromMinutes(30), cancellationToken);
            }
        }

        await WaitUntilAsync(start + (waves - 1) * WaveInterval + WaveWindow + TimeSpan.FromMinutes(1), cancellationToken);
        var status = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status", cancellationToken);
        PrintStatus(status);
        PrintWhereToLook(panelId);
        AnsiConsole.MarkupLine($"Simulation truth: willingness starts near {truth.Initial:0.0} and decays towards {truth.Plateau:0.0} with a half-life of {truth.HalfLifeDays:0} days; {truth.DropOutPerWave:P0} drop out per wave.");
        await SummariseAsync(admin, inbox, panelId, cancellationToken);
        return totalAnswered > 0;
    }

    /// <summary>Runs the model and summary timers as Azure would after the last wave closed, and shows the fit beside the truth.</summary>
    private async Task SummariseAsync(HttpClient admin, Smtp4devClient inbox, string panelId, CancellationToken cancellationToken)
    {
        await stack.Host.InvokeAsync("FitWillingnessModel", null, cancellationToken);
        await stack.Host.InvokeAsync("SendTrendSummaries", null, cancellationToken);
        var model = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/model", cancellationToken);
        ModelVersusTruthPrinter.Print(model, truth);

        var messages = await inbox.WaitForMessagesAsync(all => all.Any(m => m.To.Contains(Stakeholder, StringComparer.OrdinalIgnoreCase)), TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        var summary = messages.First(m => m.To.Contains(Stakeholder, StringComparer.OrdinalIgnoreCase));
        var folder = Path.Combine(RepositoryRoot.Find(), ".tracker", "demo-summary");
        using var api = stack.Host.CreateClient(withAdminKey: true);
        api.BaseAddress = stack.ApiBaseUrl;
        var written = await SummaryCommand.FetchAsync(api, panelId, folder, cancellationToken);
        AnsiConsole.MarkupLine($"The stakeholder summary \"{Markup.Escape(summary.Subject)}\" is in smtp4dev ({Markup.Escape(stack.Smtp4dev!.WebUrl.ToString())}) "
            + (written.Ok ? $"and on disk in [bold]{Markup.Escape(folder)}[/] (summary.html and three PNGs)." : $"[yellow]but could not be written to disk: {Markup.Escape(written.Message)}[/]"));
    }

    private async Task<Dictionary<string, string>> WaitForInvitationsAsync(Smtp4devClient inbox, int wave, int expected, CancellationToken cancellationToken)
    {
        var subject = $"wave {wave.ToString(CultureInfo.InvariantCulture)} of";

        // Generous in real time: the wave opens at most a simulated week later and sending takes a few seconds.
        var timeout = clock.ToRealTime(WaveInterval) + TimeSpan.FromSeconds(60);
        var messages = await inbox.WaitForMessagesAsync(all => all.Count(m => m.Subject.Contains(subject, StringComparison.Ordinal)) >= expected, timeout, cancellationToken: cancellationToken);
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var message in messages.Where(m => m.Subject.Contains(subject, StringComparison.Ordinal)))
        {
            var text = await inbox.GetPlainTextAsync(message.Id, cancellationToken);
            var match = LinkPattern().Match(text);
            if (match.Success && message.To.Count > 0)
            {
                links[message.To[0]] = match.Value;
            }
        }

        return links;
    }

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
            .AddColumn(new TableColumn("Responded").RightAligned()).AddColumn(new TableColumn("Response rate").RightAligned());
        foreach (var wave in status.GetProperty("waves").EnumerateArray())
        {
            var rate = wave.GetProperty("responseRate");
            table.AddRow(
                wave.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("state").GetString()!,
                wave.GetProperty("invited").GetInt32().ToString(CultureInfo.InvariantCulture),
                wave.GetProperty("responded").GetInt32().ToString(CultureInfo.InvariantCulture),
                rate.ValueKind == JsonValueKind.Number ? rate.GetDouble().ToString("P1", CultureInfo.InvariantCulture) : "–");
        }

        AnsiConsole.Write(table);
    }

    private void PrintWhereToLook(string panelId)
    {
        AnsiConsole.MarkupLine($"Where to look: the inbox at [link]{Markup.Escape(stack.Smtp4dev!.WebUrl.ToString())}[/] holds every invitation; "
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
