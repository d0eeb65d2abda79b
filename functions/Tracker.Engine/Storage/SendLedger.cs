using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Email;

namespace Tracker.Engine.Storage;

/// <summary>
/// Exactly-once sending on Table storage: a message is claimed by inserting its row, so of two senders racing exactly
/// one wins. A claim never marked sent (the process died mid-send) may be taken over once <see cref="ClaimLease"/> has
/// passed: that message is the only kind that can go out twice. A planner may insert rows as <see cref="LedgerEntity.Queued"/>
/// first (a whole batch per transaction); a sender then claims the queued row with its ETag, so the race is the same.
/// </summary>
public sealed class SendLedger<TRow>
    where TRow : LedgerEntity
{
    /// <summary>The default lease; a ledger built with another one (<c>Tracker:ClaimLease</c>) uses <see cref="Lease"/>.</summary>
    public static readonly TimeSpan ClaimLease = SendLedgerDefaults.ClaimLease;
    private readonly TrackerStorage storage;
    private readonly string tableName;

    // Claims and marks of many senders on one partition share round trips (each keeps its own ETag condition).
    private readonly LedgerUpdateBatcher updates = new();

    public SendLedger(TrackerStorage storage, string tableName, TimeSpan? lease = null)
    {
        Lease = lease ?? ClaimLease;
        this.storage = storage;
        this.tableName = tableName;
    }

    public TimeSpan Lease { get; }

    public TableClient Table => storage.Table(tableName);

    /// <summary>Claims <paramref name="row"/> (state claimed, one attempt), or returns null when someone else holds it or it has gone.</summary>
    public async Task<TRow?> TryClaimAsync(TRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        row.State = LedgerEntity.Claimed;
        row.ClaimedAt = now;
        row.Attempts = 1;
        try
        {
            var added = await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            row.ETag = added.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await TryTakeOverAsync(row, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Claims a row the planner queued: the take-over first, since the insert <see cref="TryClaimAsync"/> starts with
    /// would fail on it (a wasted round trip and a 409 per message, a sixth of a queued send's storage calls). A row that
    /// is gone (its claim released after a transient failure) is claimed by insert as usual.
    /// </summary>
    public async Task<TRow?> TryClaimQueuedAsync(TRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var existing = await Table.GetEntityIfExistsAsync<TRow>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return existing.HasValue
            ? await TakeOverAsync(existing.Value!, row.MessageId, now, cancellationToken).ConfigureAwait(false)
            : await TryClaimAsync(row, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims a message from its row as the caller read it (with others, in one query): the take-over conditional on
    /// that read's ETag, so whoever changed the row since wins and this returns null. Without a row (released after a
    /// transient failure) the message is claimed by insert, as <see cref="TryClaimAsync"/> does.
    /// </summary>
    public async Task<TRow?> TryClaimReadAsync(TRow? read, TRow wanted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return read is null
            ? await TryClaimAsync(wanted, now, cancellationToken).ConfigureAwait(false)
            : await TakeOverAsync(read, wanted.MessageId, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts rows as queued, 100 per transaction (one partition each); where a transaction meets a row that already
    /// exists, that chunk falls back to one insert per row. Returns the rows this caller inserted: only those are its to enqueue.
    /// </summary>
    public async Task<IReadOnlyList<TRow>> EnqueueAsync(IReadOnlyList<TRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var inserted = new List<TRow>(rows.Count);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                foreach (var row in chunk)
                {
                    row.State = LedgerEntity.Queued;
                    row.ClaimedAt = now;
                    row.Attempts = 0;
                }

                try
                {
                    await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken).ConfigureAwait(false);
                    inserted.AddRange(chunk);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    foreach (var row in chunk)
                    {
                        try
                        {
                            await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                            inserted.Add(row);
                        }
                        catch (RequestFailedException one) when (one.Status == 409)
                        {
                            // Planned or sent by someone else.
                        }
                    }
                }
            }
        }

        return inserted;
    }

    /// <summary>
    /// Re-stamps as queued the claims whose sender died before marking them and, when <paramref name="includeQueued"/>,
    /// the queued rows whose queue message was lost (both older than the lease), so they are planned again; returns
    /// those this caller won. Without the first kind a claim left by a crash or a storage outage would never be sent:
    /// nothing else looks at a claimed row again. A queued row is only taken as lost when the caller knows no queue
    /// message can still carry it; otherwise a row merely waiting behind a slow sender would be queued again every lease.
    /// </summary>
    public async Task<IReadOnlyList<TRow>> RequeueStaleAsync(IEnumerable<TRow> rows, DateTimeOffset now, bool includeQueued, CancellationToken cancellationToken)
    {
        var stale = rows.Where(r => (r.State == LedgerEntity.Claimed || (includeQueued && r.State == LedgerEntity.Queued)) && now - r.ClaimedAt >= Lease);
        return await RestampQueuedAsync(stale, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Re-stamps as queued the rows whose outcome is <see cref="LedgerEntity.Unknown"/> (the researcher's deliberate
    /// re-send); returns those this caller won, for it to enqueue.
    /// </summary>
    public Task<IReadOnlyList<TRow>> RequeueUnknownAsync(IEnumerable<TRow> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        RestampQueuedAsync(rows.Where(r => r.State == LedgerEntity.Unknown), now, cancellationToken);

    private async Task<IReadOnlyList<TRow>> RestampQueuedAsync(IEnumerable<TRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var won = new List<TRow>();
        foreach (var row in rows)
        {
            row.State = LedgerEntity.Queued;
            row.ClaimedAt = now;
            try
            {
                var updated = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                row.ETag = updated.Headers.ETag ?? ETag.All;
                won.Add(row);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Claimed, sent or re-planned meanwhile.
            }
        }

        return won;
    }

    // Marks are fenced by the claim's ETag: a sender whose lease was taken over does not overwrite the new claimant's row.
    // Each returns false when the row was no longer this claim's.

    public Task<bool> MarkSkippedAsync(TRow row, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.State = LedgerEntity.Skipped;
        row.SentAt = null;
        row.Error = reason;
        row.ClaimedAt = now;
        return UpdateAsync(row, cancellationToken);
    }

    public Task<bool> MarkSentAsync(TRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.State = LedgerEntity.Sent;
        row.SentAt = now;
        row.Error = null;
        return UpdateAsync(row, cancellationToken);
    }

    /// <summary>Records a permanent refusal; the reason is redacted of addresses here too, whoever composed it.</summary>
    public Task<bool> MarkFailedAsync(TRow row, string reason, CancellationToken cancellationToken)
    {
        row.State = LedgerEntity.Failed;
        row.Error = Bounded(SmtpReplyRedactor.Redact(reason));
        return UpdateAsync(row, cancellationToken);
    }

    /// <summary>Records that the message may or may not have been accepted (see <see cref="LedgerEntity.Unknown"/>).</summary>
    public Task<bool> MarkUnknownAsync(TRow row, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.State = LedgerEntity.Unknown;
        row.SentAt = now;
        row.Error = Bounded(SmtpReplyRedactor.Redact(reason));
        return UpdateAsync(row, cancellationToken);
    }

    /// <summary>Gives a claim back after a transient failure so the next run retries it at once instead of after the lease.</summary>
    public async Task ReleaseAsync(TRow row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Someone else already moved it on.
        }
    }

    private async Task<TRow?> TryTakeOverAsync(TRow wanted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TRow>(wanted.PartitionKey, wanted.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return null;
        }

        return await TakeOverAsync(existing.Value!, wanted.MessageId, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TRow?> TakeOverAsync(TRow row, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimable = row.State == LedgerEntity.Queued || (row.State == LedgerEntity.Claimed && now - row.ClaimedAt >= Lease);
        if (!claimable)
        {
            return null;
        }

        row.State = LedgerEntity.Claimed;
        row.ClaimedAt = now;
        row.Attempts++;
        if (string.IsNullOrEmpty(row.MessageId)) row.MessageId = messageId;
        return await UpdateAsync(row, cancellationToken).ConfigureAwait(false) ? row : null;
    }

    /// <summary>The row replaced under its ETag (group-committed with other senders' claims and marks); false when it changed or went.</summary>
    private async Task<bool> UpdateAsync(TRow row, CancellationToken cancellationToken)
    {
        if (await updates.ReplaceAsync(Table, row, cancellationToken).ConfigureAwait(false) is not { } etag) return false;
        row.ETag = etag;
        return true;
    }

    private static string Bounded(string reason) => reason.Length > 1000 ? reason[..1000] : reason;
}
