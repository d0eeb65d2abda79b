using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Tracker.Engine.Storage;

/// <summary>
/// Group commit per table partition: writes that arrive while an earlier one to the same partition is in flight go out
/// together as one entity-group transaction of up to 100, the next time storage is free. Alone, a write goes out at once
/// (no added wait); under load, one round trip carries many. A transaction is all-or-nothing, so when one row cannot be
/// written as asked (it exists, it changed, it is gone) nothing is written, that row's caller gets <see cref="Lost"/>
/// and the rest go again. Each caller is answered only when its own row is committed, so an answer means the same as
/// a single write's. What a write is (an insert, a conditional replace) is the subclass's.
/// </summary>
public abstract class PartitionGroupCommit<TEntity, TResult>
    where TEntity : class, ITableEntity
{
    /// <summary>Table storage's limit for one transaction.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, PartitionQueue> queues = new(StringComparer.Ordinal);

    /// <summary>The answer for a row that cannot be written as asked (<see cref="IsLost"/>).</summary>
    protected abstract TResult Lost { get; }

    /// <summary>The status storage answers for such a row (409 for an insert of an existing row; 412/404 for a stale replace).</summary>
    protected abstract bool IsLost(int status);

    /// <summary>One row on its own, as a single request; throws storage's <see cref="RequestFailedException"/>.</summary>
    protected abstract Task<TResult> WriteAloneAsync(TableClient table, TEntity row);

    /// <summary>The row's action in a transaction.</summary>
    protected abstract TableTransactionAction ActionFor(TEntity row);

    /// <summary>The answer for a row whose action a committed transaction answered with <paramref name="response"/>.</summary>
    protected abstract TResult Committed(Response response);

    protected Task<TResult> WriteAsync(TableClient table, TEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var queue = queues.GetOrAdd(table.Name + "|" + row.PartitionKey, _ => new PartitionQueue());
        var pending = new PendingWrite(row);
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

        // A caller that gives up is not waited for; its row may still be committed (as a lone write could be).
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync(TableClient table, PartitionQueue queue)
    {
        while (true)
        {
            List<PendingWrite> batch;
            lock (queue.Gate)
            {
                if (queue.Items.Count == 0)
                {
                    queue.Flushing = false;
                    return;
                }

                // One row cannot appear twice in a transaction: a second write of it waits a round.
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
    private async Task CommitAsync(TableClient table, List<PendingWrite> batch)
    {
        while (batch.Count > 0)
        {
            try
            {
                if (batch.Count == 1)
                {
                    batch[0].Completion.TrySetResult(await WriteAloneAsync(table, batch[0].Row).ConfigureAwait(false));
                    return;
                }

                var results = await table.SubmitTransactionAsync(batch.Select(p => ActionFor(p.Row)), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(Committed(results.Value[i]));
                }

                return;
            }
            catch (RequestFailedException ex) when (IsLost(ex.Status) && batch.Count == 1)
            {
                batch[0].Completion.TrySetResult(Lost);
                return;
            }
            catch (TableTransactionFailedException ex) when (IsLost(ex.Status) && ex.FailedTransactionActionIndex is int index && index >= 0 && index < batch.Count)
            {
                // Nothing of the transaction was written; the row that failed goes back to its caller, the rest retry.
                batch[index].Completion.TrySetResult(Lost);
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

    private sealed class PartitionQueue
    {
        public Lock Gate { get; } = new();

        public List<PendingWrite> Items { get; } = [];

        public bool Flushing { get; set; }
    }

    private sealed class PendingWrite(TEntity row)
    {
        public TEntity Row { get; } = row;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
