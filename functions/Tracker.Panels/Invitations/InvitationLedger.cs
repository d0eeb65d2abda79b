using Azure;
using Azure.Data.Tables;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Invitations;

/// <summary>
/// The invitation ledger (DESIGN.md §4). A message is claimed by inserting its row before it is sent, so of two
/// dispatchers racing for it exactly one wins. A claim that was never marked sent (the process died mid-send) may be
/// taken over once its lease has passed: that message is the only kind that can go out twice.
/// </summary>
public sealed class InvitationLedger
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);
    private readonly TrackerStorage storage;

    public InvitationLedger(TrackerStorage storage) => this.storage = storage;

    private TableClient Table => storage.Table(StorageNames.InvitationsTable);

    /// <summary>Every ledger row of a wave, keyed by row key (<c>{participant}~{kind}</c>).</summary>
    public async Task<Dictionary<string, InvitationEntity>> ReadWaveAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<string, InvitationEntity>(StringComparer.Ordinal);
        var partition = InvitationEntity.Partition(panelId, wave);
        await foreach (var row in Table.QueryAsync<InvitationEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }

    /// <summary>Claims the message for this caller, or returns null when someone else holds it or it has already gone.</summary>
    public async Task<InvitationEntity?> TryClaimAsync(string panelId, int wave, string participantId, string kind, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new InvitationEntity
        {
            PartitionKey = InvitationEntity.Partition(panelId, wave),
            RowKey = InvitationEntity.Row(participantId, kind),
            Kind = kind,
            State = InvitationEntity.Claimed,
            ClaimedAt = now,
            MessageId = messageId,
            Attempts = 1,
        };
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

    public Task MarkSentAsync(InvitationEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.State = InvitationEntity.Sent;
        row.SentAt = now;
        row.Error = null;
        return UpdateAsync(row, cancellationToken);
    }

    public Task MarkFailedAsync(InvitationEntity row, string reason, CancellationToken cancellationToken)
    {
        row.State = InvitationEntity.Failed;
        row.Error = reason.Length > 1000 ? reason[..1000] : reason;
        return UpdateAsync(row, cancellationToken);
    }

    /// <summary>Gives a claim back after a transient failure so the next run retries it at once instead of after the lease.</summary>
    public async Task ReleaseAsync(InvitationEntity row, CancellationToken cancellationToken)
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

    private async Task<InvitationEntity?> TryTakeOverAsync(string partitionKey, string rowKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<InvitationEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return null;
        }

        var row = existing.Value!;
        if (row.State != InvitationEntity.Claimed || now - row.ClaimedAt < ClaimLease)
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

    private async Task UpdateAsync(InvitationEntity row, CancellationToken cancellationToken)
    {
        var updated = await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        row.ETag = updated.Headers.ETag ?? ETag.All;
    }
}
