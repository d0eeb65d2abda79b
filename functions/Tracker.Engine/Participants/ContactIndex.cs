using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Participants;

/// <summary>
/// The uniqueness guard of enrolment: an index row per address (keyed hash, never the address) that an import inserts
/// before it writes the participant, so of two imports of one address exactly one enrols it and the other finds it.
/// Panels enrolled before the index existed, or indexed under a retired link key, are (re)indexed from their contacts
/// on their next import.
/// </summary>
public sealed class ContactIndex(TrackerStorage storage, AddressHasher hasher, ILogger<ContactIndex> logger)
{
    private const int MaxBatch = 100;

    private TableClient Table => storage.Table(StorageNames.ContactsTable);

    /// <summary>
    /// The panel's index keyed by address hash, built first from the contacts when it is missing or under another key.
    /// Of legacy duplicates (one address, several participants) the earliest enrolled is indexed.
    /// </summary>
    public async Task<Dictionary<string, ContactIndexEntity>> LoadAsync(
        string panelId,
        IReadOnlyDictionary<string, ContactEntity> contacts,
        IReadOnlyDictionary<string, ParticipantEntity> participants,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var keyId = hasher.ActiveKeyId;
        var partition = ContactIndexEntity.Partition(panelId);
        var rows = new List<ContactIndexEntity>();
        await foreach (var row in Table.QueryAsync<ContactIndexEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var marker = rows.FirstOrDefault(r => r.RowKey == ContactIndexEntity.MarkerRow);
        var index = rows.Where(r => r.RowKey != ContactIndexEntity.MarkerRow && r.KeyId == keyId).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        if (marker?.KeyId == keyId) return index;

        var missing = new List<ContactIndexEntity>();
        var ordered = contacts.Values
            .Where(c => participants.TryGetValue(c.RowKey, out var p) && p.Status != ParticipantEntity.Erased)
            .OrderBy(c => participants[c.RowKey].EnrolledAt).ThenBy(c => c.RowKey, StringComparer.Ordinal);
        foreach (var contact in ordered)
        {
            var hash = hasher.Hash(contact.Email);
            if (index.ContainsKey(hash)) continue;
            var entry = new ContactIndexEntity { PartitionKey = partition, RowKey = hash, ParticipantId = contact.RowKey, KeyId = keyId };
            index[hash] = entry;
            missing.Add(entry);
        }

        if (dryRun) return index;
        foreach (var existing in await InsertAsync(missing, cancellationToken).ConfigureAwait(false))
        {
            index[existing.RowKey] = existing;
        }

        foreach (var stale in rows.Where(r => r.RowKey != ContactIndexEntity.MarkerRow && r.KeyId != keyId))
        {
            await DeleteQuietlyAsync(stale.PartitionKey, stale.RowKey, cancellationToken).ConfigureAwait(false);
        }

        await Table.UpsertEntityAsync(new ContactIndexEntity { PartitionKey = partition, RowKey = ContactIndexEntity.MarkerRow, KeyId = keyId }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Indexed {Count} enrolled addresses of panel {PanelId} from its contacts", missing.Count, panelId);
        return index;
    }

    /// <summary>
    /// The participant an address is indexed under, by two point reads (the marker, then the address's hash). Null when
    /// the panel's index was never built under the active link key — panels enrolled before the index existed, or not
    /// imported into since a key rotation — so the index cannot tell, and the caller must look through the contacts.
    /// </summary>
    public async Task<IndexedAddress?> FindAsync(string panelId, string email, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ContactIndexEntity.Partition(panelId);
        var marker = await Table.GetEntityIfExistsAsync<ContactIndexEntity>(partition, ContactIndexEntity.MarkerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!marker.HasValue || marker.Value!.KeyId != hasher.ActiveKeyId) return null;
        var row = await Table.GetEntityIfExistsAsync<ContactIndexEntity>(partition, hasher.Hash(email), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new IndexedAddress(row.HasValue ? row.Value!.ParticipantId : null);
    }

    /// <summary>Inserts the rows (never replacing one); returns, as stored, those whose address another import indexed first.</summary>
    public async Task<IReadOnlyList<ContactIndexEntity>> InsertAsync(IReadOnlyList<ContactIndexEntity> rows, CancellationToken cancellationToken)
    {
        var taken = new List<ContactIndexEntity>();
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                try
                {
                    await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    // Another import holds at least one of these addresses; nothing of the chunk was written, so go row by row.
                }

                foreach (var row in chunk)
                {
                    try
                    {
                        await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                    }
                    catch (RequestFailedException ex) when (ex.Status == 409)
                    {
                        var stored = await Table.GetEntityIfExistsAsync<ContactIndexEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                        if (stored.HasValue) taken.Add(stored.Value!);
                    }
                }
            }
        }

        return taken;
    }

    /// <summary>Removes every index row naming the participant (erasure), under whichever key it was made.</summary>
    public async Task RemoveAsync(string panelId, string participantId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ContactIndexEntity.Partition(panelId);
        var rows = new List<ContactIndexEntity>();
        await foreach (var row in Table.QueryAsync<ContactIndexEntity>(e => e.PartitionKey == partition && e.ParticipantId == participantId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            await DeleteQuietlyAsync(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteQuietlyAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone already.
        }
    }
}
