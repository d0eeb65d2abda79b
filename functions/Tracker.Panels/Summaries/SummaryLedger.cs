using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Summaries;

/// <summary>
/// Once per recipient and period, however often the timer fires: a summary is claimed by inserting its row, so of two
/// runs racing exactly one sends it. A claim never marked sent is taken over after <see cref="ClaimLease"/>.
/// </summary>
public sealed class SummaryLedger
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);
    private readonly TrackerStorage storage;

    public SummaryLedger(TrackerStorage storage) => this.storage = storage;

    private TableClient Table => storage.Table(StorageNames.SummariesTable);

    /// <summary>A stable pseudonym of an address (lower-cased SHA-256, 32 hex characters): row keys and logs never carry the email.</summary>
    public static string RecipientKey(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..32];

    /// <summary>The rows of one panel and period, keyed by recipient key.</summary>
    public async Task<Dictionary<string, SummaryEntity>> ReadPeriodAsync(string panelId, string period, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<string, SummaryEntity>(StringComparer.Ordinal);
        var prefix = period + "~";
        var end = period + "\u007f";
        await foreach (var row in Table.QueryAsync<SummaryEntity>(e => e.PartitionKey == panelId && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(end) < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey[prefix.Length..]] = row;
        }

        return rows;
    }

    public async Task<SummaryEntity?> TryClaimAsync(string panelId, string period, string recipientKey, string messageId, string? modelVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = new SummaryEntity
        {
            PartitionKey = panelId,
            RowKey = SummaryEntity.Row(period, recipientKey),
            Period = period,
            State = SummaryEntity.Claimed,
            ClaimedAt = now,
            MessageId = messageId,
            Attempts = 1,
            ModelVersion = modelVersion,
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

    public Task MarkSentAsync(SummaryEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.State = SummaryEntity.Sent;
        row.SentAt = now;
        row.Error = null;
        return UpdateAsync(row, cancellationToken);
    }

    public Task MarkFailedAsync(SummaryEntity row, string reason, CancellationToken cancellationToken)
    {
        row.State = SummaryEntity.Failed;
        row.Error = reason.Length > 1000 ? reason[..1000] : reason;
        return UpdateAsync(row, cancellationToken);
    }

    /// <summary>Gives a claim back after a transient failure so the next run retries at once.</summary>
    public async Task ReleaseAsync(SummaryEntity row, CancellationToken cancellationToken)
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

    private async Task<SummaryEntity?> TryTakeOverAsync(string partitionKey, string rowKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<SummaryEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue) return null;
        var row = existing.Value!;
        if (row.State != SummaryEntity.Claimed || now - row.ClaimedAt < ClaimLease) return null;
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

    private async Task UpdateAsync(SummaryEntity row, CancellationToken cancellationToken)
    {
        var updated = await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        row.ETag = updated.Headers.ETag ?? ETag.All;
    }
}
