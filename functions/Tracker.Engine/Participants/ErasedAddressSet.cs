namespace Tracker.Engine.Participants;

/// <summary>The erased addresses of a panel as hashes grouped by the link key they were made with; matches an address in clear.</summary>
public sealed class ErasedAddressSet(AddressHasher hasher, IReadOnlyDictionary<string, HashSet<string>> hashesByKeyId)
{
    public int Count { get; } = hashesByKeyId.Values.Sum(h => h.Count);

    public bool Contains(string email) => MatchingKeyId(email) is not null;

    /// <summary>The link key id under which the address is on the list, or null when it is not.</summary>
    public string? MatchingKeyId(string email) =>
        hashesByKeyId.FirstOrDefault(group => hasher.HashUnder(group.Key, email) is { } hash && group.Value.Contains(hash)).Key;
}
