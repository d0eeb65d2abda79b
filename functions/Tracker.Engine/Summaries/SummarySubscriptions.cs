using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Summaries;

/// <summary>Who has unsubscribed from a panel's summaries, and the signed links that let them.</summary>
public sealed class SummarySubscriptions(TrackerStorage storage, SubscriptionSigner signer, IOptionsMonitor<TrackerOptions> tracker)
{
    public const string Route = "summary/unsubscribe";

    private TableClient Table => storage.Table(StorageNames.SummariesTable);

    /// <summary>The recipient's one-click unsubscribe URL on the public base URL (no address in it, only a signed recipient key).</summary>
    public Uri UnsubscribeLink(string panelId, string recipientKey) =>
        new($"{tracker.CurrentValue.PublicBaseUrl.TrimEnd('/')}/api/{Route}/{signer.Sign(new SubscriptionToken(panelId, recipientKey))}");

    public SubscriptionClaim? Verify(string? token) => signer.Verify(token);

    /// <summary>
    /// The stakeholder of the panel a verified claim names, or null when none of its current stakeholders matches
    /// (one removed since the email was sent: they receive nothing any more either way).
    /// </summary>
    public SubscriptionToken? RecipientOf(SubscriptionClaim claim, Panels.Panel panel)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(panel);
        return panel.Stakeholders.Select(SummaryLedger.RecipientKey).Where(key => signer.Names(claim, key))
            .Select(key => new SubscriptionToken(panel.Id, key)).FirstOrDefault();
    }

    /// <summary>Records the unsubscription; repeating it keeps the first time (an insert that finds the row is done).</summary>
    public async Task UnsubscribeAsync(SubscriptionToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Table.AddEntityAsync(new UnsubscriptionEntity { PartitionKey = token.PanelId, RowKey = UnsubscriptionEntity.Row(token.RecipientKey), UnsubscribedAt = now }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already unsubscribed (a second click, or the mail app's one-click POST and the page's button both).
        }
    }

    public async Task<bool> IsUnsubscribedAsync(SubscriptionToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(token.PanelId, UnsubscriptionEntity.Row(token.RecipientKey), ["RowKey"], cancellationToken).ConfigureAwait(false);
        return row.HasValue;
    }

    /// <summary>The recipient keys of everyone who unsubscribed from the panel's summaries.</summary>
    public async Task<HashSet<string>> UnsubscribedAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        const string prefix = UnsubscriptionEntity.RowPrefix;
        const string end = "unsubscribed\u007f";
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == panelId && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(end) < 0, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey[prefix.Length..]);
        }

        return keys;
    }
}
