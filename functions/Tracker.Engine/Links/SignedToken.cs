using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Links;

/// <summary>
/// The one wire format of every token Tracker signs — participant links, summary-unsubscribe tokens, dashboard links
/// and sessions: <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c>, the payload UTF-8 fields joined by
/// <c>|</c> (a version first, then the key id and what the token is for). Each signer keeps its own fields and key
/// derivation (so no token of one kind verifies as another); this is the encoding and the checks they all need.
/// </summary>
internal static class SignedToken
{
    /// <summary>The token for <paramref name="fields"/>, signed with <paramref name="key"/>.</summary>
    public static string Seal(byte[] key, params string[] fields)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('|', fields));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>
    /// The fields of a presented token, not yet authenticated (check <see cref="Opened.IsSignedBy"/>); null unless it
    /// is at most <paramref name="maxLength"/> characters, one dot, the exact base64url spelling we issue (the decoder
    /// forgives padding and spare trailing bits; one token must have one URL) and strict UTF-8.
    /// </summary>
    public static Opened? Open(string? presented, int maxLength)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > maxLength) return null;
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != presented.LastIndexOf('.')) return null;
        if (!Base64Url.IsValid(presented.AsSpan(0, dot)) || !Base64Url.IsValid(presented.AsSpan(dot + 1))) return null;

        var payload = Base64Url.DecodeFromChars(presented.AsSpan(0, dot));
        var mac = Base64Url.DecodeFromChars(presented.AsSpan(dot + 1));
        if (!presented.AsSpan(0, dot).SequenceEqual(Base64Url.EncodeToString(payload))
            || !presented.AsSpan(dot + 1).SequenceEqual(Base64Url.EncodeToString(mac)))
        {
            return null;
        }

        try
        {
            return new Opened(new UTF8Encoding(false, true).GetString(payload).Split('|'), payload, mac);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// The signing key <paramref name="keyId"/> of the link keys, or with a <paramref name="label"/> a key derived from it
    /// (HMAC-SHA256(key, label)) so that tokens of another kind cannot be made with it; null when not configured.
    /// </summary>
    public static byte[]? Key(LinkOptions options, string keyId, byte[]? label = null)
    {
        if (!options.Keys.TryGetValue(keyId, out var encoded) || string.IsNullOrEmpty(encoded)) return null;
        try
        {
            var key = Convert.FromBase64String(encoded);
            return label is null ? key : HMACSHA256.HashData(key, label);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A token's fields with what is needed to authenticate them.</summary>
    public sealed class Opened(string[] fields, byte[] payload, byte[] mac)
    {
        public string[] Fields { get; } = fields;

        /// <summary>True when the token was signed with <paramref name="key"/> (compared in constant time).</summary>
        public bool IsSignedBy(byte[]? key) =>
            key is not null && mac.Length == HMACSHA256.HashSizeInBytes && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac);
    }
}
