using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Storage;

/// <summary>
/// Erasure in the invitation ledger: the participant's rows keep their state and times (the panel's send history and
/// the exactly-once guard need them) but lose the SMTP reply text, which commonly quotes the recipient's address.
/// Rows are read and replaced as generic entities, so properties this class does not know are kept.
/// </summary>
public sealed class LedgerErasure(TrackerStorage storage) : IParticipantLedgerEraser
{
    /// <summary>Properties of a ledger row that may hold text from the mail server (and so the address).</summary>
    public static IReadOnlyList<string> AddressBearing { get; } = [nameof(LedgerEntity.Error)];

    public async Task<int> EraseAsync(string panelId, string participantId, int waves, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var table = storage.Table(StorageNames.InvitationsTable);
        var cleared = 0;
        var from = participantId + "~";
        var to = participantId + "\u007f";
        for (var wave = 1; wave <= waves; wave++)
        {
            var partition = InvitationEntity.Partition(panelId, wave);
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            foreach (var row in rows)
            {
                if (await ClearAsync(table, row, cancellationToken).ConfigureAwait(false)) cleared++;
            }
        }

        return cleared;
    }

    private static async Task<bool> ClearAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!AddressBearing.Any(row.ContainsKey)) return false;
            foreach (var name in AddressBearing) row.Remove(name);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 && attempt < 5)
            {
                // A sender marked the row meanwhile: read it again and clear what it now holds.
                var again = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!again.HasValue) return false;
                row = again.Value!;
            }
        }
    }
}
