using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Participants;

/// <summary>
/// The suppression list: the keyed hash of every address erased at the participant's request, per panel, which
/// imports refuse. A hash is matched under the link key it was made with, so it holds across rotations for as long as
/// that key stays configured.
/// </summary>
public sealed class ErasedAddresses(TrackerStorage storage, AddressHasher hasher)
{
    private TableClient Table => storage.Table(StorageNames.ContactsTable);

    public async Task RecordAsync(string panelId, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new ErasedAddressEntity { PartitionKey = ErasedAddressEntity.Partition(panelId), RowKey = hasher.Hash(email), KeyId = hasher.ActiveKeyId, ErasedAt = now };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ErasedAddressSet> LoadAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ErasedAddressEntity.Partition(panelId);
        var byKey = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<ErasedAddressEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!byKey.TryGetValue(row.KeyId, out var hashes)) byKey[row.KeyId] = hashes = new HashSet<string>(StringComparer.Ordinal);
            hashes.Add(row.RowKey);
        }

        return new ErasedAddressSet(hasher, byKey);
    }
}
