using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tracker.Panels.Configuration;

namespace Tracker.Panels.Summaries;

/// <summary>
/// Signs the tokens of summary unsubscribe links with the link keys (<c>Links__Keys__{id}</c>), so no new secret has
/// to be provisioned or rotated. Each link key is first turned into a separate key for this purpose
/// (HMAC-SHA256(link key, <see cref="Purpose"/>)) and the payload has its own version tag and shape, so a summary token
/// never verifies as a participant's survey token, nor the other way round. A token is
/// <c>base64url("s1|keyId|panel|recipientKey") "." base64url(mac)</c>; it does not expire, because an unsubscribe
/// link in an old email must keep working.
/// </summary>
public sealed class SubscriptionSigner(IOptionsMonitor<LinkOptions> options)
{
    private const string Version = "s1";
    private const int MaxTokenLength = 256;
    private static readonly byte[] Purpose = "tracker/summary-unsubscribe/v1"u8.ToArray();

    public string Sign(SubscriptionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var current = options.CurrentValue;
        var keyId = current.ActiveKeyId;
        var key = PurposeKey(current, keyId) ?? throw new InvalidOperationException($"The active link key '{keyId}' is not configured (Links:Keys:{keyId}).");
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Version, keyId, token.PanelId, token.RecipientKey));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The token's panel and recipient when its signature holds under a configured key; null for anything else.</summary>
    public SubscriptionToken? Verify(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxTokenLength) return null;
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != presented.LastIndexOf('.')) return null;
        if (!Base64Url.IsValid(presented.AsSpan(0, dot)) || !Base64Url.IsValid(presented.AsSpan(dot + 1))) return null;

        var payload = Base64Url.DecodeFromChars(presented.AsSpan(0, dot));
        var mac = Base64Url.DecodeFromChars(presented.AsSpan(dot + 1));

        // Only the canonical spelling counts: base64url's last character has spare bits, and one token must have one URL.
        if (Base64Url.EncodeToString(payload) != presented[..dot] || Base64Url.EncodeToString(mac) != presented[(dot + 1)..]) return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != Version) return null;
        var key = PurposeKey(options.CurrentValue, parts[1]);
        if (key is null || mac.Length != HMACSHA256.HashSizeInBytes || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac)) return null;
        return new SubscriptionToken(parts[2], parts[3]);
    }

    private static byte[]? PurposeKey(LinkOptions options, string keyId)
    {
        if (!options.Keys.TryGetValue(keyId, out var encoded) || string.IsNullOrEmpty(encoded)) return null;
        try
        {
            return HMACSHA256.HashData(Convert.FromBase64String(encoded), Purpose);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
