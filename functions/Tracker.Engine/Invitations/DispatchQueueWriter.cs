using System.Text.Json;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Invitations;

/// <summary>
/// The planner's writes: planned messages go into the ledger as queued and onto the dispatch queue in batches of
/// <c>Tracker:DispatchBatchSize</c>, in participant order (so each batch is a run of consecutive ids its sender reads
/// with one range query per table). A batch goes on the queue as soon as its own rows are in the ledger, and
/// <see cref="BatchesAtOnce"/> batches are written at once: senders start on the first batch while the rest of a large
/// wave is still being written, instead of after all of it (at 1,000,000 participants that is 10,000 ledger
/// transactions and 10,000 queue messages before the first message could go). A queue message still names only rows
/// this planner inserted, and only once they are in the ledger.
/// </summary>
public sealed class DispatchQueueWriter(InvitationLedger ledger, TrackerStorage storage, IOptionsMonitor<TrackerOptions> options)
{
    /// <summary>How many batches are being inserted and queued at once (a few: a wave's ledger is one partition).</summary>
    public const int BatchesAtOnce = 4;

    private int BatchSize => Math.Max(1, options.CurrentValue.DispatchBatchSize);

    /// <summary>
    /// Inserts <paramref name="rows"/> as queued (see <see cref="SendLedger{TRow}.EnqueueAsync"/>) and queues each
    /// batch's inserted rows right after its insert; returns every row this caller inserted, in participant order.
    /// </summary>
    public async Task<IReadOnlyList<InvitationEntity>> InsertAndEnqueueAsync(string panelId, int wave, IReadOnlyList<InvitationEntity> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return [];
        var batches = InParticipantOrder(rows).Chunk(BatchSize).ToArray();
        var inserted = new IReadOnlyList<InvitationEntity>[batches.Length];
        var queue = await QueueAsync(cancellationToken).ConfigureAwait(false);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = BatchesAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, batches.Length), parallel, async (b, ct) =>
        {
            inserted[b] = await ledger.EnqueueAsync(batches[b], now, ct).ConfigureAwait(false);
            if (inserted[b].Count > 0) await SendAsync(queue, panelId, wave, inserted[b], ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return [.. inserted.SelectMany(batch => batch)];
    }

    /// <summary>Queues rows already in the ledger as queued (re-stamped after a lost batch or claim, or for a re-send).</summary>
    public async Task EnqueueAsync(string panelId, int wave, IReadOnlyList<InvitationEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        var queue = await QueueAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in InParticipantOrder(rows).Chunk(BatchSize))
        {
            await SendAsync(queue, panelId, wave, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<InvitationEntity> InParticipantOrder(IEnumerable<InvitationEntity> rows) =>
        rows.OrderBy(r => InvitationEntity.ParticipantOf(r.RowKey), StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal);

    private async Task<Azure.Storage.Queues.QueueClient> QueueAsync(CancellationToken cancellationToken)
    {
        var queue = storage.Queue(StorageNames.DispatchQueue);
        // Every run, not once per process (TrackerStorage.EnsureCreatedAsync): a queue deleted while the app runs must
        // come back for the re-plan that recovers its lost batches (docs/engine.md).
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return queue;
    }

    private static async Task SendAsync(Azure.Storage.Queues.QueueClient queue, string panelId, int wave, IReadOnlyList<InvitationEntity> rows, CancellationToken cancellationToken)
    {
        var batch = new DispatchBatch(panelId, wave, [.. rows.Select(r => new DispatchItem(InvitationEntity.ParticipantOf(r.RowKey), r.Kind))]);
        await queue.SendMessageAsync(JsonSerializer.Serialize(batch, DispatchBatchJson.Options), cancellationToken).ConfigureAwait(false);
    }
}
