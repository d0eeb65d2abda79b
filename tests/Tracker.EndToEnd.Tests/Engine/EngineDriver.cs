using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>
/// Drives the panel engine over the real stack as an operator and participants would: panels with their own schedules,
/// the dispatch timer run by hand, the queue-triggered sender running on its own, and each address's mail read back from smtp4dev.
/// </summary>
public sealed partial class EngineDriver(StackFixture stack)
{
    public StackFixture Stack => stack;

    public T Service<T>()
        where T : notnull => stack.Stack.Host.Services.GetRequiredService<T>();

    /// <summary>Creates a panel starting now on the fake clock with <paramref name="schedule"/>'s extra fields (waves, interval, window, reminders, sendTime, kind…).</summary>
    public async Task<string> CreatePanelAsync(Dictionary<string, object?> schedule, string name = "Engine study", object? instrument = null)
    {
        schedule.TryAdd("start", stack.Clock.GetUtcNow());
        var response = await stack.Admin.PostAsJsonAsync("api/panels", new { name, instrument = instrument ?? "default", timeZone = "UTC", schedule });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
    }

    /// <summary>Enrols the addresses and returns their participant ids, keyed by address.</summary>
    public async Task<Dictionary<string, string>> EnrolAsync(string panelId, IReadOnlyList<string> emails, string timeZone = "UTC")
    {
        var import = await stack.ImportAsync(panelId, "email,time_zone\n" + string.Join('\n', emails.Select(e => $"{e},{timeZone}")));
        Assert.Equal(emails.Count, import.Added);
        var contacts = await Service<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None);
        return contacts.Values.Where(c => emails.Contains(c.Email, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(c => c.Email, c => c.RowKey, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One run of the dispatch timer, then waits until the queue-triggered sender has settled every queued row of the panel's open waves.</summary>
    public async Task RunTimerAsync(string panelId)
    {
        await stack.Stack.Host.InvokeAsync("DispatchDueWaves");
        await SettledAsync(panelId);
    }

    /// <summary>
    /// Waits until no ledger row of the panel is queued or claimed (the sender has finished what was planned), and then
    /// until smtp4dev lists at least as many messages to the panel's current contacts as the ledger says were sent to them.
    /// </summary>
    public async Task SettledAsync(string panelId, IReadOnlyCollection<string>? ignoreRowKeys = null)
    {
        var table = Service<TrackerStorage>().Table(StorageNames.InvitationsTable);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var pending = 0;
            var sent = new List<string>();
            await foreach (var row in table.QueryAsync<InvitationEntity>($"PartitionKey ge '{panelId}~' and PartitionKey lt '{panelId}~~'"))
            {
                if (row.State is LedgerEntity.Queued or LedgerEntity.Claimed && ignoreRowKeys?.Contains(row.PartitionKey + "|" + row.RowKey) != true) pending++;
                if (row.State == LedgerEntity.Sent) sent.Add(InvitationEntity.ParticipantOf(row.RowKey));
            }

            if (pending == 0)
            {
                // Counted per address: a message that left before a crash (its row still claimed) must not stand in
                // for another participant's message that smtp4dev has not listed yet.
                var contacts = await Service<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None);
                var inbox = await stack.Inbox.ListMessagesAsync();
                var shortOf = sent.Where(contacts.ContainsKey).GroupBy(p => p).Any(g =>
                    inbox.Count(m => m.To.Contains(contacts[g.Key].Email, StringComparer.OrdinalIgnoreCase)) < g.Count());
                if (!shortOf) return;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), $"panel {panelId}: {pending} ledger rows still queued or claimed, or smtp4dev still short of the sent messages, after 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>The messages smtp4dev holds for the address, oldest first.</summary>
    public async Task<List<Smtp4devMessageSummary>> MailToAsync(string email) =>
        (await stack.Inbox.ListMessagesAsync()).Where(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase)).OrderBy(m => m.ReceivedDate).ToList();

    /// <summary>Every address's messages as kinds in order of arrival: "invite 1", "reminder 1" (wave numbers).</summary>
    public async Task<Dictionary<string, List<string>>> KindsAsync(IEnumerable<string> emails)
    {
        var all = await stack.Inbox.ListMessagesAsync();
        return emails.ToDictionary(
            e => e,
            e => all.Where(m => m.To.Contains(e, StringComparer.OrdinalIgnoreCase)).OrderBy(m => m.ReceivedDate).ThenBy(m => m.Subject, StringComparer.Ordinal).Select(Kind).ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    public static string Kind(Smtp4devMessageSummary message)
    {
        var wave = WavePattern().Match(message.Subject);
        Assert.True(wave.Success, $"not an engine email: {message.Subject}");
        return (message.Subject.StartsWith("Reminder", StringComparison.Ordinal) ? "reminder " : "invite ") + wave.Groups[1].Value;
    }

    /// <summary>The personal survey link and the opt-out link of the address's latest message for <paramref name="wave"/>.</summary>
    public async Task<(string Survey, string OptOut, Smtp4devMessage Message)> LinksAsync(string email, int wave)
    {
        var message = (await MailToAsync(email)).Last(m => Kind(m).EndsWith($" {wave}", StringComparison.Ordinal));
        var text = await stack.Inbox.GetPlainTextAsync(message.Id);
        var survey = SurveyLinkPattern().Match(text);
        var optOut = OptOutLinkPattern().Match(text);
        Assert.True(survey.Success && optOut.Success, $"links missing from the email: {text}");
        var details = (await stack.Inbox.GetMessageAsync(message.Id))!;
        return (survey.Value, optOut.Value, details);
    }

    public async Task AnswerAsync(string surveyLink, int value = 5)
    {
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync(surveyLink)).StatusCode);
        var response = await stack.Anonymous.PostAsync(surveyLink, Answers(value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static FormUrlEncodedContent Answers(int value) =>
        new(DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public async Task<JsonElement> StatusAsync(string panelId) =>
        await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");

    public async Task<Dictionary<string, InvitationEntity>> LedgerAsync(string panelId, int wave) =>
        await Service<InvitationLedger>().ReadWaveAsync(panelId, wave, CancellationToken.None);

    public static string ExpectedMessageId(string panelId, int wave, string participantId, string kind) =>
        $"<{panelId}.w{wave}.{participantId}.{kind}@example.org>";

    [GeneratedRegex(@"wave (\d+) of \d+")]
    private static partial Regex WavePattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex SurveyLinkPattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/o/[A-Za-z0-9_\-\.]+")]
    private static partial Regex OptOutLinkPattern();
}
