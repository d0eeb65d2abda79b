using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Tracker.Engine.Storage;

/// <summary>
/// Group commit for a send ledger's ETag-conditional replaces (claims and marks): replaces that arrive while an earlier
/// one to the same partition is in flight go out together as one entity-group transaction of up to 100. Alone, a
/// replace goes out at once; under load (many senders on one wave), one round trip carries many. Each row keeps its own
/// ETag condition: a transaction is all-or-nothing, so when one row changed meanwhile (another sender claimed it, a
/// planner re-stamped it) nothing is written, that row is answered "lost" and the rest go again. Each caller is
/// answered only when its own row is committed, so a claim or a mark means the same as a single conditional update.
/// </summary>
public sealed class LedgerUpdateBatcher
{
    /// <summary>Table storage's limit for one transaction.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, PartitionQueue> queues = new(StringComparer.Ordinal);

    /// <summary>
    /// Replaces <paramref name="row"/> if its ETag still matches; returns the new ETag, or null when the row changed or
    /// is gone (412/404), exactly as a single conditional update would.
    /// </summary>
    public Task<ETag?> ReplaceAsync(TableClient table, ITableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var queue = queues.GetOrAdd(table.Name + "|" + row.PartitionKey, _ => new PartitionQueue());
        var pending = new PendingReplace(row);
        bool lead;
        lock (queue.Gate)
        {
            queue.Items.Add(pending);
            lead = !queue.Flushing;
            queue.Flushing = true;
        }

        if (lead)
        {
            // Off the caller's stack: the loop outlives this caller while others keep arriving.
            _ = Task.Run(() => FlushAsync(table, queue), CancellationToken.None);
        }

        // A caller that gives up is not waited for; its replace may still be committed (as a lone update could be).
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private static async Task FlushAsync(TableClient table, PartitionQueue queue)
    {
        while (true)
        {
            List<PendingReplace> batch;
            lock (queue.Gate)
            {
                if (queue.Items.Count == 0)
                {
                    queue.Flushing = false;
                    return;
                }

                // One row cannot appear twice in a transaction: a second replace of it waits a round.
                var keys = new HashSet<string>(StringComparer.Ordinal);
                batch = queue.Items.Where(p => keys.Add(p.Row.RowKey)).Take(MaxBatch).ToList();
                foreach (var taken in batch)
                {
                    queue.Items.Remove(taken);
                }
            }

            await CommitAsync(table, batch).ConfigureAwait(false);
        }
    }

    /// <summary>Commits the batch, answering every waiter; never throws (a failure is handed to the waiters instead).</summary>
    private static async Task CommitAsync(TableClient table, List<PendingReplace> batch)
    {
        while (batch.Count > 0)
        {
            try
            {
                if (batch.Count == 1)
                {
                    var one = await table.UpdateEntityAsync(batch[0].Row, batch[0].Row.ETag, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
                    batch[0].Completion.TrySetResult(Committed(one.Headers.ETag));
                    return;
                }

                var results = await table.SubmitTransactionAsync(
                    batch.Select(p => new TableTransactionAction(TableTransactionActionType.UpdateReplace, p.Row, p.Row.ETag)), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(Committed(results.Value[i].Headers.ETag));
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412 && batch.Count == 1)
            {
                batch[0].Completion.TrySetResult(null);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412 && ex.FailedTransactionActionIndex is int index && index >= 0 && index < batch.Count)
            {
                // Nothing of the transaction was written; the row that changed goes back to its caller as lost, the rest retry.
                batch[index].Completion.TrySetResult(null);
                batch.RemoveAt(index);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex);

                    // Observed here: a caller that gave up waiting must not leave an unobserved exception behind.
                    _ = pending.Completion.Task.Exception;
                }

                return;
            }
        }
    }

    // Without the new ETag a later conditional mark could not be fenced; storage always returns one for a replace.
    private static ETag? Committed(ETag? etag) =>
        etag ?? throw new InvalidOperationException("Table storage returned no ETag for a committed replace.");

    private sealed class PartitionQueue
    {
        public Lock Gate { get; } = new();

        public List<PendingReplace> Items { get; } = [];

        public bool Flushing { get; set; }
    }

    private sealed class PendingReplace(ITableEntity row)
    {
        public ITableEntity Row { get; } = row;

        public TaskCompletionSource<ETag?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
