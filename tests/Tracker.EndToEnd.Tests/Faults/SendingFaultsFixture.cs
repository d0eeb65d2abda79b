using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// A stack whose services the fault tests can take away: Azurite with its data on disk (so a stop and restart keeps
/// it), a <see cref="ScriptedSmtpServer"/> that can refuse, stall or go down, and the Function App on the local host
/// with its queue listener (SendDispatchBatch) running and the dispatch timer fired by the tests through the host.
/// </summary>
public class SendingFaultsFixture : IAsyncLifetime
{
    private static readonly TimeSpan SettlePatience = TimeSpan.FromSeconds(60);

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public AzuriteServer Azurite { get; private set; } = null!;

    public ScriptedSmtpServer Smtp { get; private set; } = null!;

    public TrackerStack Stack { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public TableClient Ledger { get; private set; } = null!;

    /// <summary>Every log line the stack wrote (warnings and above), as Application Insights would get them.</summary>
    public BadInput.CapturedLogs Logs { get; } = new();

    /// <summary>App settings a derived fixture changes (e.g. a slow send rate).</summary>
    protected virtual void Configure(TrackerStackOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(new AzuriteOptions { Persistent = true });
        Smtp = ScriptedSmtpServer.Start();
        var options = new TrackerStackOptions
        {
            StorageConnectionString = Azurite.ConnectionString,
            SmtpEndpoint = Smtp.Endpoint,
            Clock = Clock,
            EnableTimers = false,
            EnableQueueListeners = true,
            ConfigureLogging = logging => logging.AddProvider(Logs),
        };
        Configure(options);
        Stack = await TrackerStack.StartAsync(options, CancellationToken.None);
        Admin = Stack.Host.CreateClient(withAdminKey: true);
        Ledger = new TableClient(Azurite.ConnectionString, StorageNames.InvitationsTable);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Stack.DisposeAsync();
        await Smtp.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>A one-wave panel open from now on the fake clock, with these participants enrolled.</summary>
    public async Task<string> PanelAsync(IReadOnlyList<string> emails)
    {
        var created = await Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Sending faults",
            instrument = "default",
            schedule = new { start = Clock.GetUtcNow(), waves = 1, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        using var csv = new StringContent("email\n" + string.Join('\n', emails), System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Admin.PostAsync($"api/panels/{panelId}/participants", csv)).StatusCode);
        return panelId;
    }

    /// <summary>What the dispatch timer does when it fires.</summary>
    public Task RunPlannerAsync() => Stack.Host.InvokeAsync("DispatchDueWaves");

    public async Task<List<InvitationEntity>> LedgerRowsAsync(string panelId)
    {
        var partition = InvitationEntity.Partition(panelId, 1);
        var rows = new List<InvitationEntity>();
        await foreach (var row in Ledger.QueryAsync<InvitationEntity>(e => e.PartitionKey == partition))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Waits until no row of the wave is queued or claimed: every batch the planner queued has been worked off.</summary>
    public async Task<List<InvitationEntity>> SettleAsync(string panelId)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var rows = await LedgerRowsAsync(panelId);
            if (rows.All(r => r.State is not (LedgerEntity.Queued or LedgerEntity.Claimed))) return rows;
            if (TimeProvider.System.GetElapsedTime(started) > SettlePatience)
            {
                throw new TimeoutException($"Panel {panelId}: {rows.Count(r => r.State is LedgerEntity.Queued or LedgerEntity.Claimed)} ledger rows still queued or claimed.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Fires the planner and waits for its batches, again while anything is still unsent, as the timer would every few
    /// minutes (a claim released after a transient failure, or a circuit still open, waits for the next run).
    /// </summary>
    public async Task<List<InvitationEntity>> SendUntilSentAsync(string panelId, int expected)
    {
        for (var run = 0; ; run++)
        {
            await RunPlannerAsync();
            var rows = await SettleAsync(panelId);
            if (rows.Count(r => r.State == LedgerEntity.Sent) >= expected || run >= 40) return rows;
            await Task.Delay(500);
        }
    }

    /// <summary>The messages the SMTP server accepted for these recipients, grouped by Message-ID.</summary>
    public Dictionary<string, int> ReceivedFor(IEnumerable<string> emails)
    {
        var wanted = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        return Smtp.Received.Where(m => m.Recipients.Any(wanted.Contains))
            .GroupBy(m => m.MessageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public static string[] Emails(int count, string tag = "p") =>
        Enumerable.Range(1, count).Select(i => $"{tag}{i}-{Guid.NewGuid():N}@example.org").ToArray();
}
