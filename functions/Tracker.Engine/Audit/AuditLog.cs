using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Audit;

/// <summary>
/// The <c>audit</c> table, insert-only through the code: a row is added and read, never updated or deleted (a test
/// checks this type has no such method). A panel's rows are one partition whose row keys sort newest first, so a read
/// with a time window is one range scan of that partition.
/// </summary>
public sealed class AuditLog(TrackerStorage storage)
{
    /// <summary>The partition of actions on no one panel (listing panels, a refused creation).</summary>
    public const string AppPartition = "_app";

    private const int MaxPageSize = 1000;

    private static long sequence;

    private TableClient Table => storage.Table(StorageNames.AuditTable);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new AuditEntity
        {
            PartitionKey = entry.PanelId ?? AppPartition,
            // Within one tick (a coarse or a test clock), a falling per-process sequence keeps this instance's rows newest
            // first; the random part keeps two instances' rows apart, never a conflict.
            RowKey = RowKeyFor(entry.At) + "-" + (long.MaxValue - Interlocked.Increment(ref sequence)).ToString("D19", CultureInfo.InvariantCulture)
                + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            Who = entry.Who,
            Role = entry.Role,
            Method = entry.Method,
            Action = entry.Action,
            ParticipantIds = entry.ParticipantIds.Count == 0 ? null : string.Join(',', entry.ParticipantIds),
            Wave = entry.Wave,
            At = entry.At,
            ClientAddress = entry.ClientAddress,
            Result = entry.Result,
            Status = entry.Status,
            DetailsJson = entry.Details.Count == 0 ? null : JsonSerializer.Serialize(entry.Details),
        };
        await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of a panel's rows, newest first.</summary>
    public async Task<AuditPage> ReadAsync(string panelId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {panelId}");
        // Inverted ticks: the newest moment has the smallest key, so "from" bounds the keys from above and "to" from below.
        if (query.From is { } from) filter += " and " + TableClient.CreateQueryFilter($"RowKey le {RowKeyFor(from) + "~"}");
        if (query.To is { } to) filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {RowKeyFor(to)}");
        if (!string.IsNullOrWhiteSpace(query.Action)) filter += " and " + TableClient.CreateQueryFilter($"Action eq {query.Action.Trim()}");
        if (!string.IsNullOrWhiteSpace(query.Who)) filter += " and " + TableClient.CreateQueryFilter($"Who eq {query.Who.Trim()}");

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await foreach (var page in Table.QueryAsync<AuditEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken).AsPages(query.Continuation, size).ConfigureAwait(false))
        {
            return new AuditPage([.. page.Values.Select(ToEntry)], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new AuditPage([], null);
    }

    /// <summary>The row key's time part: ticks counted down from the end of time, fixed width, so keys sort newest first.</summary>
    public static string RowKeyFor(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static AuditEntry ToEntry(AuditEntity row) => new(
        row.Who,
        row.Role,
        row.Method,
        row.Action,
        row.PartitionKey == AppPartition ? null : row.PartitionKey,
        string.IsNullOrEmpty(row.ParticipantIds) ? [] : row.ParticipantIds.Split(','),
        row.Wave,
        row.At,
        row.ClientAddress,
        row.Result,
        row.Status,
        string.IsNullOrEmpty(row.DetailsJson) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(row.DetailsJson) ?? []);
}
