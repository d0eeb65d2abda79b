using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Responses;

/// <summary>
/// Group commit for first submissions: inserts that arrive while an earlier write to the same partition (one panel's
/// wave) is in flight are sent together as one entity-group transaction of up to 100, the next time storage is free.
/// Alone, an insert goes out at once (no added wait); under load, one round trip carries many. Each caller is answered
/// only when its own row is committed, and a transaction is all-or-nothing, so an acknowledgement still means stored.
/// A row that already exists is reported back (false) for the caller's read-and-replace path.
/// </summary>
public sealed class ResponseInsertBatcher
{
    /// <summary>Table storage's limit for one transaction.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, PartitionQueue> queues = new(StringComparer.Ordinal);

    /// <summary>True when the row was inserted, false when one with its keys already exists.</summary>
    public Task<bool> InsertAsync(TableClient table, ResponseEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        var queue = queues.GetOrAdd(table.Name + "|" + entity.PartitionKey, _ => new PartitionQueue());
        var pending = new PendingInsert(entity);
        bool lead;
        lock (queue.Gate)
        {
            queue.Items.Add(pending);
            lead = !queue.Flushing;
            queue.Flushing = true;
        }

        if (lead)
        {
            // Off the caller's stack: the loop outlives this request while others keep arriving.
            _ = Task.Run(() => FlushAsync(table, queue), CancellationToken.None);
        }

        // A caller that gives up is not waited for; its row may still be committed, which only makes it unacknowledged.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private static async Task FlushAsync(TableClient table, PartitionQueue queue)
    {
        while (true)
        {
            List<PendingInsert> batch;
            lock (queue.Gate)
            {
                if (queue.Items.Count == 0)
                {
                    queue.Flushing = false;
                    return;
                }

                // Two submissions of one participant cannot share a transaction (same keys): the later waits a round.
                var keys = new HashSet<string>(StringComparer.Ordinal);
                batch = queue.Items.Where(p => keys.Add(p.Entity.RowKey)).Take(MaxBatch).ToList();
                foreach (var taken in batch)
                {
                    queue.Items.Remove(taken);
                }
            }

            await CommitAsync(table, batch).ConfigureAwait(false);
        }
    }

    /// <summary>Commits the batch, answering every waiter; never throws (a failure is handed to the waiters instead).</summary>
    private static async Task CommitAsync(TableClient table, List<PendingInsert> batch)
    {
        while (batch.Count > 0)
        {
            try
            {
                if (batch.Count == 1)
                {
                    await table.AddEntityAsync(batch[0].Entity, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p.Entity)), CancellationToken.None).ConfigureAwait(false);
                }

                foreach (var pending in batch) pending.Completion.TrySetResult(true);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && batch.Count == 1)
            {
                batch[0].Completion.TrySetResult(false);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is int index && index >= 0 && index < batch.Count)
            {
                // Nothing of the transaction was written; the one that exists goes back to its caller, the rest retry.
                batch[index].Completion.TrySetResult(false);
                batch.RemoveAt(index);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex);

                    // Observed here: a caller that gave up waiting (its deadline) must not leave an unobserved exception behind.
                    _ = pending.Completion.Task.Exception;
                }

                return;
            }
        }
    }

    private sealed class PartitionQueue
    {
        public Lock Gate { get; } = new();

        public List<PendingInsert> Items { get; } = [];

        public bool Flushing { get; set; }
    }

    private sealed class PendingInsert(ResponseEntity entity)
    {
        public ResponseEntity Entity { get; } = entity;

        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
