using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Common;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Deletion;

/// <summary>
/// Deletes a panel with everything it stored: its rows in every table (partition <c>{panel}</c> or
/// <c>{panel}~…</c>; its definition row in <c>panels</c>), its blobs (<c>{panel}/…</c> in every container) and the
/// queue messages that name it. The panel is closed first, so nothing new is sent or saved while it goes, and its
/// definition row is deleted last: an interrupted deletion leaves the panel findable, and repeating it finishes.
/// </summary>
public sealed class PanelDeletion(TrackerStorage storage, PanelService panels, PanelRepository repository, ILogger<PanelDeletion> logger)
{
    /// <summary>How long a message of another panel is held out of sight while the queue is searched; it is released at once after.</summary>
    private static readonly TimeSpan SearchLease = TimeSpan.FromMinutes(1);

    /// <summary>The queues searched: the dispatch queue and its poison queue (the host creates the latter; it may not exist).</summary>
    private static readonly string[] SearchedQueues = [.. StorageNames.Queues, StorageNames.DispatchPoisonQueue];

    /// <summary>What deleting the panel would remove, changing nothing (queues are peeked: the first 32 visible messages of each).</summary>
    public async Task<PanelContents> ListAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var tables = new List<StoredRows>();
        foreach (var table in StorageNames.PanelDataTables)
        {
            tables.Add(new StoredRows(table, (await RowsOfAsync(table, panelId, cancellationToken).ConfigureAwait(false)).Count));
        }

        var blobs = new List<StoredBlobs>();
        foreach (var container in StorageNames.Containers)
        {
            blobs.Add(new StoredBlobs(container, await BlobsOfAsync(container, panelId, cancellationToken).ConfigureAwait(false)));
        }

        var queues = new List<QueuedMessages>();
        foreach (var name in SearchedQueues)
        {
            var queue = storage.Queue(name);
            var count = 0;
            if ((await queue.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            {
                PeekedMessage[] peeked = (await queue.PeekMessagesAsync(32, cancellationToken).ConfigureAwait(false)).Value;
                count = peeked.Count(m => Names(m.Body, panelId));
            }

            queues.Add(new QueuedMessages(name, count));
        }

        return new PanelContents(panelId, tables, blobs, queues);
    }

    /// <summary>
    /// Closes the panel, deletes its queue messages, blobs and rows, and its definition row last; returns what was
    /// removed. Null when there is no such panel (nor one half-deleted).
    /// </summary>
    public async Task<PanelContents?> DeleteAsync(string panelId, CancellationToken cancellationToken)
    {
        if (!Ids.LooksLikeId(panelId)) return null;
        // Closed first: the timers and the queue function stop sending and the links stop saving before anything goes.
        if (await panels.CloseAsync(panelId, cancellationToken).ConfigureAwait(false) is null) return null;

        var queues = new List<QueuedMessages>();
        foreach (var name in SearchedQueues)
        {
            queues.Add(new QueuedMessages(name, await DeleteMessagesAsync(storage.Queue(name), panelId, cancellationToken).ConfigureAwait(false)));
        }

        var blobs = new List<StoredBlobs>();
        foreach (var container in StorageNames.Containers)
        {
            var names = await BlobsOfAsync(container, panelId, cancellationToken).ConfigureAwait(false);
            var client = storage.Container(container);
            foreach (var name in names)
            {
                await client.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            blobs.Add(new StoredBlobs(container, names));
        }

        var tables = new List<StoredRows>();
        foreach (var table in StorageNames.PanelDataTables.Where(t => t != StorageNames.PanelsTable))
        {
            var rows = await RowsOfAsync(table, panelId, cancellationToken).ConfigureAwait(false);
            await DeleteRowsAsync(storage.Table(table), rows, cancellationToken).ConfigureAwait(false);
            tables.Add(new StoredRows(table, rows.Count));
        }

        // Last: until this row goes, the panel is listed and a repeated deletion finds it.
        await repository.DeleteDefinitionAsync(panelId, cancellationToken).ConfigureAwait(false);
        tables.Insert(0, new StoredRows(StorageNames.PanelsTable, 1));
        var removed = new PanelContents(panelId, tables, blobs, queues);
        logger.LogInformation(
            "Deleted panel {PanelId}: {Rows} table rows, {Blobs} blobs, {Messages} queue messages",
            panelId, removed.TotalRows, removed.TotalBlobs, removed.TotalMessages);
        return removed;
    }

    /// <summary>Every row the panel owns in <paramref name="table"/>: its definition row in <c>panels</c>; elsewhere partition <c>{panel}</c> or <c>{panel}~…</c>.</summary>
    private async Task<List<TableEntity>> RowsOfAsync(string table, string panelId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        if (!Ids.LooksLikeId(panelId)) return rows;
        // '~' sorts after every id character, so "{panel}~" up to "{panel}~~" spans exactly the panel's "{panel}~…" partitions.
        var filter = table == StorageNames.PanelsTable
            ? TableClient.CreateQueryFilter($"PartitionKey eq {PanelEntity.Partition} and RowKey eq {panelId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {panelId} or (PartitionKey ge {panelId + "~"} and PartitionKey lt {panelId + "~~"})");
        await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task DeleteRowsAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException)
                {
                    // A row went meanwhile (an erasure, a repeated deletion) and failed the whole transaction: one by one.
                    foreach (var row in chunk)
                    {
                        try
                        {
                            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                        }
                        catch (RequestFailedException ex) when (ex.Status == 404)
                        {
                            // Already gone.
                        }
                    }
                }
            }
        }
    }

    private async Task<IReadOnlyList<string>> BlobsOfAsync(string container, string panelId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (!Ids.LooksLikeId(panelId)) return names;
        await foreach (var blob in storage.Container(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, panelId + "/", cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>
    /// Deletes the queue's messages that name the panel. Other panels' messages met on the way are held out of sight
    /// (so the search ends) and released at once after; each such receive counts once towards its maxDequeueCount.
    /// </summary>
    private async Task<int> DeleteMessagesAsync(QueueClient queue, string panelId, CancellationToken cancellationToken)
    {
        if (!(await queue.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value) return 0;
        var deleted = 0;
        var held = new List<(string Id, string Receipt)>();
        try
        {
            while (true)
            {
                QueueMessage[] messages = (await queue.ReceiveMessagesAsync(32, SearchLease, cancellationToken).ConfigureAwait(false)).Value;
                if (messages.Length == 0) break;
                foreach (var message in messages)
                {
                    if (Names(message.Body, panelId))
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                        deleted++;
                    }
                    else
                    {
                        held.Add((message.MessageId, message.PopReceipt));
                    }
                }
            }
        }
        finally
        {
            foreach (var (id, receipt) in held)
            {
                try
                {
                    await queue.UpdateMessageAsync(id, receipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // Taken by a receiver after all (its lease ran out), or deleted.
                }
            }
        }

        if (deleted > 0) logger.LogInformation("Deleted {Messages} messages of panel {PanelId} from queue {Queue}", deleted, panelId, queue.Name);
        return deleted;
    }

    /// <summary>A dispatch batch for the panel, or (a message that does not parse, e.g. in the poison queue) any text carrying its id as a JSON string.</summary>
    private static bool Names(BinaryData body, string panelId)
    {
        var text = body.ToString();
        return DispatchBatchJson.TryParse(text) is { } batch
            ? string.Equals(batch.PanelId, panelId, StringComparison.Ordinal)
            : text.Contains($"\"{panelId}\"", StringComparison.Ordinal);
    }
}
