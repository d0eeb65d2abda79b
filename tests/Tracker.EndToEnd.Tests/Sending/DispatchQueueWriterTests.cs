using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests.Sending;

/// <summary>
/// The planner's writes on an Azurite of their own (no sender reads the queue): each batch is queued as soon as its
/// own rows are in the ledger, so senders start before a large wave is fully written, and a queue message names only
/// rows this planner inserted, each once, in participant order.
/// </summary>
public sealed class DispatchQueueWriterTests : IAsyncLifetime
{
    private const string Panel = "pQueueWriter";
    private const int Wave = 1;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private AzuriteServer azurite = null!;

    public async Task InitializeAsync() => azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task A_wave_goes_on_the_queue_batch_by_batch_while_later_batches_are_still_being_written()
    {
        var (writer, _, requests) = Writer(batchSize: 50);
        var ids = Participants(1000);

        var inserted = await writer.InsertAndEnqueueAsync(Panel, Wave, Rows(ids), Now, CancellationToken.None);

        Assert.Equal(ids.Count, inserted.Count);
        var seen = requests.Seen.Where(r => r.StartsWith("POST", StringComparison.Ordinal)).ToList();
        var transactions = seen.Select((r, i) => (r, i)).Where(p => p.r == "POST $batch").Select(p => p.i).ToList();
        var messages = seen.Select((r, i) => (r, i)).Where(p => p.r == "POST messages").Select(p => p.i).ToList();
        Assert.Equal(20, transactions.Count);
        Assert.Equal(20, messages.Count);

        // Written whole first, every transaction would come before the first message; batch by batch, at most
        // BatchesAtOnce are written before one is queued.
        Assert.True(messages[0] < transactions[^1], string.Join(", ", seen));
        Assert.True(transactions.Count(t => t < messages[0]) <= DispatchQueueWriter.BatchesAtOnce, string.Join(", ", seen));

        var batches = await QueuedAsync();
        Assert.Equal(20, batches.Count);
        Assert.All(batches, b => Assert.Equal(50, b.Items.Count));
        Assert.All(batches, b => Assert.Equal(b.Items.Select(i => i.ParticipantId).Order(StringComparer.Ordinal), b.Items.Select(i => i.ParticipantId)));
        Assert.Equal(ids, batches.SelectMany(b => b.Items).Select(i => i.ParticipantId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rows_someone_else_already_wrote_are_left_off_the_queue_and_each_message_names_only_queued_rows()
    {
        var (writer, ledger, _) = Writer(batchSize: 100);
        var ids = Participants(450);

        // Another planner got a third of the wave in first (a race between the timer and the researcher's dispatch).
        var theirs = ids.Where((_, i) => i % 3 == 1).ToList();
        var (rival, _, _) = Writer(batchSize: 100);
        Assert.Equal(theirs.Count, (await rival.InsertAndEnqueueAsync(Panel, Wave, Rows(theirs), Now, CancellationToken.None)).Count);
        Assert.Equal(2, (await QueuedAsync()).Count);

        var inserted = await writer.InsertAndEnqueueAsync(Panel, Wave, Rows(ids), Now.AddMinutes(1), CancellationToken.None);

        var ours = ids.Except(theirs).ToList();
        Assert.Equal(ours, inserted.Select(r => InvitationEntity.ParticipantOf(r.RowKey)));
        var batches = await QueuedAsync();
        Assert.Equal(ours, batches.SelectMany(b => b.Items).Select(i => i.ParticipantId).Order(StringComparer.Ordinal));
        var rows = await ledger.ReadWaveAsync(Panel, Wave, CancellationToken.None);
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(batches.SelectMany(b => b.Items), item =>
        {
            var row = rows[InvitationEntity.Row(item.ParticipantId, item.Kind)];
            Assert.Equal(LedgerEntity.Queued, row.State);
            Assert.Equal(Now.AddMinutes(1), row.ClaimedAt);
        });
    }

    private static List<string> Participants(int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"part{i:D12}")).ToList();

    private static List<InvitationEntity> Rows(IEnumerable<string> ids) =>
        ids.Reverse().Select(id => InvitationLedger.NewRow(Panel, Wave, id, MessageKind.Invite)).ToList();

    /// <summary>Every visible message on the dispatch queue; each is hidden for five minutes after, so the next call sees only newer ones.</summary>
    private async Task<List<DispatchBatch>> QueuedAsync()
    {
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(StorageNames.DispatchQueue);
        var batches = new List<DispatchBatch>();
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (received.Length == 0) break;
            batches.AddRange(received.Select(m => JsonSerializer.Deserialize<DispatchBatch>(m.Body.ToString(), DispatchBatchJson.Options)!));
        }

        return batches;
    }

    /// <summary>A writer on storage clients of its own (as a separate instance would have), noting its table and queue requests in one order.</summary>
    private (DispatchQueueWriter Writer, InvitationLedger Ledger, StorageRequestLog Requests) Writer(int batchSize)
    {
        var log = new StorageRequestLog();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(log, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(log, HttpPipelinePosition.PerCall);
        var connection = azurite.ConnectionString;
        var storage = new TrackerStorage(new TableServiceClient(connection, tableOptions), new BlobServiceClient(connection), new QueueServiceClient(connection, queueOptions));
        var options = new ServiceCollection().Configure<TrackerOptions>(o => o.DispatchBatchSize = batchSize).BuildServiceProvider().GetRequiredService<IOptionsMonitor<TrackerOptions>>();
        var ledger = new InvitationLedger(storage);
        return (new DispatchQueueWriter(ledger, storage, options), ledger, log);
    }
}
