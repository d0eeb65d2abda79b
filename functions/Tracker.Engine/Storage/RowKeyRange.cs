using Azure.Data.Tables;

namespace Tracker.Engine.Storage;

/// <summary>
/// One query for the rows of a partition whose row keys lie in a range: how a dispatch batch (participants in row-key
/// order) reads its participants, contacts and ledger rows in three round trips instead of three per message. Table
/// storage serves it from the (partition, row key) index; Azurite filters the partition in memory.
/// </summary>
public static class RowKeyRange
{
    /// <summary>Every row of <paramref name="partition"/> with <paramref name="first"/> ≤ row key ≤ <paramref name="last"/>, keyed by row key.</summary>
    public static async Task<Dictionary<string, T>> ReadAsync<T>(TableClient table, string partition, string first, string last, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new Dictionary<string, T>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey le {last}");
        await foreach (var row in table.QueryAsync<T>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }
}
