using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>
/// Every row of every table in the account, as text (ETags and timestamps left out, so a rewrite of the same values would
/// still show as a change in Revision or LastSubmittedAt): taken before and after a bad request to prove nothing changed.
/// </summary>
public static class StorageSnapshot
{
    public static async Task<string> TakeAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var service = new TableServiceClient(connectionString);
        var text = new StringBuilder();
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            // The audit trail records every admin attempt, refused ones included, by design: it is not stored data a case may lose.
            if (table.Name == Tracker.Engine.Storage.StorageNames.AuditTable) continue;
            var rows = new List<string>();
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                rows.Add(string.Join("|", entity.Keys
                    .Where(k => k is not ("odata.etag" or "Timestamp"))
                    .Order(StringComparer.Ordinal)
                    .Select(k => k + "=" + Convert.ToString(entity[k], CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            text.Append('[').Append(table.Name).Append(']').Append('\n');
            foreach (var row in rows) text.Append(row).Append('\n');
        }

        return text.ToString();
    }
}
