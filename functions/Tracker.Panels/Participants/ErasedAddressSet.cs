namespace Tracker.Panels.Participants;

/// <summary>The erased addresses of a panel as hashes grouped by the link key they were made with; matches an address in clear.</summary>
public sealed class ErasedAddressSet(AddressHasher hasher, IReadOnlyDictionary<string, HashSet<string>> hashesByKeyId)
{
    public int Count { get; } = hashesByKeyId.Values.Sum(h => h.Count);

    public bool Contains(string email) =>
        hashesByKeyId.Any(group => hasher.HashUnder(group.Key, email) is { } hash && group.Value.Contains(hash));
}
