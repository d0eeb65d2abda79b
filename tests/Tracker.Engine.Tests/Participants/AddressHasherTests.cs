using Tracker.Engine.Configuration;
using Tracker.Engine.Participants;
using Tracker.Engine.Tests.Links;

namespace Tracker.Engine.Tests.Participants;

/// <summary>The keyed address hash behind the enrolment index and the erased-address list.</summary>
public sealed class AddressHasherTests
{
    private static readonly string K1 = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string K2 = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void The_same_address_in_other_capitals_or_with_spaces_has_one_hash_and_other_addresses_another()
    {
        var hasher = Hasher("k1", ("k1", K1));
        var hash = hasher.Hash("Alice@Example.org");
        Assert.Equal(hash, hasher.Hash(" alice@example.ORG "));
        Assert.NotEqual(hash, hasher.Hash("alice@example.net"));
        Assert.DoesNotContain("alice", hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(43, hash.Length);
    }

    [Fact]
    public void The_hash_depends_on_the_key_and_an_unconfigured_key_gives_none()
    {
        var hasher = Hasher("k1", ("k1", K1), ("k2", K2));
        Assert.NotEqual(hasher.HashUnder("k1", "a@example.org"), hasher.HashUnder("k2", "a@example.org"));
        Assert.Null(hasher.HashUnder("k3", "a@example.org"));
    }

    [Fact]
    public void An_address_erased_under_a_key_since_rotated_is_still_matched_while_that_key_is_configured()
    {
        var before = Hasher("k1", ("k1", K1));
        var listed = new Dictionary<string, HashSet<string>> { ["k1"] = [before.Hash("bob@example.org")] };

        var afterRotation = Hasher("k2", ("k1", K1), ("k2", K2));
        var set = new ErasedAddressSet(afterRotation, listed);
        Assert.Equal("k1", set.MatchingKeyId("BOB@example.org"));
        Assert.False(set.Contains("carol@example.org"));

        var oldKeyRemoved = new ErasedAddressSet(Hasher("k2", ("k2", K2)), listed);
        Assert.False(oldKeyRemoved.Contains("bob@example.org"));
    }

    private static AddressHasher Hasher(string active, params (string Id, string Key)[] keys)
    {
        var options = new LinkOptions { ActiveKeyId = active };
        foreach (var (id, key) in keys) options.Keys[id] = key;
        return new AddressHasher(new FixedLinkOptions(options));
    }
}
