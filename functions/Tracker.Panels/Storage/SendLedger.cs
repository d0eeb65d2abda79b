using Azure;
using Azure.Data.Tables;

namespace Tracker.Panels.Storage;

/// <summary>
/// Exactly-once sending on Table storage: a message is claimed by inserting its row, so of two senders racing exactly
/// one wins. A claim never marked sent (the process died mid-send) may be taken over once <see cref="ClaimLease"/> has
/// passed: that message is the only kind that can go out twice.
/// </summary>
public sealed class SendLedger<TRow>
    where TRow : LedgerEntity
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);
    private readonly TrackerStorage storage;
    private readonly string tableName;

    public SendLedger(TrackerStorage storage, string tableName)
    {
        this.storage = storage;
        this.tableName = tableName;
    }

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
            return await TryTakeOverAsync(row.PartitionKey, row.RowKey, now, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task MarkSentAsync(TRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.State = LedgerEntity.Sent;
        row.SentAt = now;
        row.Error = null;
        return UpdateAsync(row, cancellationToken);
    }

    public Task MarkFailedAsync(TRow row, string reason, CancellationToken cancellationToken)
    {
        row.State = LedgerEntity.Failed;
        row.Error = reason.Length > 1000 ? reason[..1000] : reason;
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

    private async Task<TRow?> TryTakeOverAsync(string partitionKey, string rowKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TRow>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return null;
        }

        var row = existing.Value!;
        if (row.State != LedgerEntity.Claimed || now - row.ClaimedAt < ClaimLease)
        {
            return null;
        }

        row.ClaimedAt = now;
        row.Attempts++;
        try
        {
            var updated = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            row.ETag = updated.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }

    private async Task UpdateAsync(TRow row, CancellationToken cancellationToken)
    {
        var updated = await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        row.ETag = updated.Headers.ETag ?? ETag.All;
    }
}
