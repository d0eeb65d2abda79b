using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests;

/// <summary>
/// One real stack for the end-to-end tests: Azurite, smtp4dev and the Function App on the local host, with a fake
/// clock the tests move forward. Timers are off: tests run them through the host's admin endpoint, as an operator would.
/// </summary>
public sealed partial class StackFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public TrackerStack Stack { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public Smtp4devClient Inbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await TrackerStack.StartAsync(new TrackerStackOptions { Clock = Clock, EnableTimers = false, EnableQueueListeners = true }, CancellationToken.None);
        Admin = Stack.Host.CreateClient(withAdminKey: true);
        Anonymous = Stack.Host.CreateClient();
        Inbox = Stack.Smtp4dev!.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        Inbox.Dispose();
        await Stack.DisposeAsync();
    }

    /// <summary>Creates a panel whose first wave opens now on the fake clock.</summary>
    public async Task<string> CreatePanelAsync(int waves = 3, string interval = "P7D", string window = "P5D")
    {
        var response = await Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Short-video co-creation study",
            instrument = "default",
            schedule = new { start = Clock.GetUtcNow(), waves, interval, window },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<CreatedPanel>();
        return created!.Id;
    }

    public async Task<ImportResult> ImportAsync(string panelId, string csv)
    {
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        var response = await Admin.PostAsync($"api/panels/{panelId}/participants", content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ImportResult>())!;
    }

    /// <summary>How many participants <see cref="PanelWithAnsweredWaveAsync"/> enrols; every one answers wave 1.</summary>
    public const int ClosedWaveParticipants = 6;

    /// <summary>A two-wave panel (P7D apart, open P5D) whose first wave every participant answered and which has closed on the fake clock.</summary>
    public async Task<string> PanelWithOneClosedWaveAsync(IReadOnlyList<string> stakeholders, string? summaryCadence = null)
    {
        var panelId = await PanelWithAnsweredWaveAsync(stakeholders, summaryCadence);
        Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        return panelId;
    }

    /// <summary>A two-wave panel whose first wave, still open, every participant has answered (answers differ between participants).</summary>
    public async Task<string> PanelWithAnsweredWaveAsync(IReadOnlyList<string> stakeholders, string? summaryCadence = null)
    {
        var created = await Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Summary panel",
            instrument = "default",
            stakeholders,
            summaryCadence,
            schedule = new { start = Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<CreatedPanel>())!.Id;
        var emails = Emails(ClosedWaveParticipants);
        await ImportAsync(panelId, "email\n" + string.Join('\n', emails));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var links = await LinksForAsync(emails, wave: 1);
        var value = 2;
        foreach (var link in links.Values)
        {
            using var answers = new FormUrlEncodedContent(Tracker.Engine.Instruments.DefaultInstrument.Instance.Items.Select((item, i) =>
                new KeyValuePair<string, string>(item.Id, ((value + i) % 7 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await Anonymous.PostAsync(link, answers)).StatusCode);
            value++;
        }

        return panelId;
    }

    /// <summary>
    /// The panel's status once nothing of the wave is queued or being sent any more (dispatch answers 202 and the queue
    /// sends; this is how a caller waits for it).
    /// </summary>
    public async Task<System.Text.Json.JsonElement> SentAsync(string panelId, int wave)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var status = await Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/panels/{panelId}/status");
            var line = status.GetProperty("waves")[wave - 1];
            if (line.GetProperty("queued").GetInt32() + line.GetProperty("sending").GetInt32() == 0) return status;
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(60)) throw new TimeoutException($"Panel {panelId} wave {wave} is still sending.");
            await Task.Delay(100);
        }
    }

    /// <summary>Unique addresses per test, so each test finds only its own mail in the shared inbox.</summary>
    public static string[] Emails(int count) =>
        Enumerable.Range(1, count).Select(i => $"p{i}-{Guid.NewGuid():N}@example.org").ToArray();

    /// <summary>The personal survey links smtp4dev received for these addresses, read from the plain-text part.</summary>
    public async Task<Dictionary<string, string>> LinksForAsync(IReadOnlyCollection<string> emails, int wave)
    {
        var wanted = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        var messages = await Inbox.WaitForMessagesAsync(
            all => all.Count(m => m.Subject.Contains($"wave {wave} of", StringComparison.Ordinal) && m.To.Any(wanted.Contains)) >= wanted.Count,
            TimeSpan.FromSeconds(30));
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var message in messages.Where(m => m.Subject.Contains($"wave {wave} of", StringComparison.Ordinal) && m.To.Any(wanted.Contains)))
        {
            var text = await Inbox.GetPlainTextAsync(message.Id);
            var link = LinkPattern().Match(text);
            Assert.True(link.Success, $"no survey link in the email to {message.To[0]}");
            links[message.To.First(wanted.Contains)] = link.Value;
        }

        return links;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();

    public sealed record CreatedPanel(string Id);

    public sealed record ImportResult(bool DryRun, int Added, int Updated, int Unchanged, List<RejectedLine> Rejected);

    public sealed record RejectedLine(int Line, string Reason);
}
