using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Participants;

/// <summary>
/// A keyed hash of a normalised email address, so the enrolment index and the list of erased addresses can match an
/// address without storing it. The key is derived from a link key (HMAC-SHA256(link key, purpose)), so no new secret
/// has to be provisioned; each stored hash names the link key id it was made with, because a rotation changes the hash.
/// </summary>
public sealed class AddressHasher(IOptionsMonitor<LinkOptions> options)
{
    private static readonly byte[] Purpose = "tracker/address-index/v1"u8.ToArray();

    /// <summary>The link key id hashes are made with now.</summary>
    public string ActiveKeyId => options.CurrentValue.ActiveKeyId;

    /// <summary>Addresses match case-insensitively, as the import always has.</summary>
    public static string Normalise(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    public string Hash(string email) =>
        HashUnder(ActiveKeyId, email) ?? throw new InvalidOperationException($"The active link key '{ActiveKeyId}' is not configured (Links:Keys:{ActiveKeyId}).");

    /// <summary>The hash under a given link key, or null when that key is not configured (any more).</summary>
    public string? HashUnder(string keyId, string email)
    {
        if (!options.CurrentValue.Keys.TryGetValue(keyId, out var encoded) || string.IsNullOrEmpty(encoded)) return null;
        byte[] key;
        try
        {
            key = HMACSHA256.HashData(Convert.FromBase64String(encoded), Purpose);
        }
        catch (FormatException)
        {
            return null;
        }

        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Normalise(email))));
    }

    /// <summary>Every configured link key id, so a hash stored before a rotation can still be recognised.</summary>
    public IEnumerable<string> KeyIds => options.CurrentValue.Keys.Keys;
}
