using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Summaries;

/// <summary>
/// Once per recipient and period, however often the timer fires: a summary is claimed by inserting its row, so of two
/// runs racing exactly one sends it. A claim never marked sent is taken over after <see cref="ClaimLease"/>.
/// </summary>
public sealed class SummaryLedger
{
    public static readonly TimeSpan ClaimLease = SendLedger<SummaryEntity>.ClaimLease;
    private readonly TrackerStorage storage;
    private readonly SendLedger<SummaryEntity> ledger;

    public SummaryLedger(TrackerStorage storage, Microsoft.Extensions.Options.IOptions<Tracker.Engine.Configuration.TrackerOptions>? options = null)
    {
        this.storage = storage;
        ledger = new SendLedger<SummaryEntity>(storage, StorageNames.SummariesTable, options?.Value.ClaimLease);
    }

    private TableClient Table => ledger.Table;

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

    public Task<SummaryEntity?> TryClaimAsync(string panelId, string period, string recipientKey, string messageId, string? modelVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        ledger.TryClaimAsync(new SummaryEntity
        {
            PartitionKey = panelId,
            RowKey = SummaryEntity.Row(period, recipientKey),
            Period = period,
            MessageId = messageId,
            ModelVersion = modelVersion,
        }, now, cancellationToken);

    public Task MarkSentAsync(SummaryEntity row, DateTimeOffset now, CancellationToken cancellationToken) => ledger.MarkSentAsync(row, now, cancellationToken);

    public Task MarkFailedAsync(SummaryEntity row, string reason, CancellationToken cancellationToken) => ledger.MarkFailedAsync(row, reason, cancellationToken);

    /// <summary>Settles a claim whose outcome is unknown (the connection was lost after the data): never claimed or sent again on its own.</summary>
    public Task MarkUnknownAsync(SummaryEntity row, string reason, DateTimeOffset now, CancellationToken cancellationToken) => ledger.MarkUnknownAsync(row, reason, now, cancellationToken);

    /// <summary>Gives a claim back after a transient failure so the next run retries at once.</summary>
    public Task ReleaseAsync(SummaryEntity row, CancellationToken cancellationToken) => ledger.ReleaseAsync(row, cancellationToken);
}
