using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Engine.Summaries;

/// <summary>
/// Signs the tokens of summary unsubscribe links with the link keys (<c>Links__Keys__{id}</c>), so no new secret has
/// to be provisioned or rotated. Each link key is first turned into separate keys for this purpose
/// (HMAC-SHA256(link key, label)) and the payload has its own version tag and names its purpose
/// (<see cref="LinkPurpose.SummaryUnsubscribe"/>), so a summary token never verifies as a participant link, nor the
/// other way round. A token is <c>base64url("s2|keyId|summary-unsubscribe|panel|proof") "." base64url(mac)</c>, where
/// the proof is a keyed hash of the recipient key: the token carries nothing a holder of the address alone could
/// compute or look up (the recipient key is an unkeyed hash of the address). Tokens do not expire, because an
/// unsubscribe link in an old email must keep working; they verify while the key they name is configured.
/// Tokens of the first version (<c>"s1|keyId|panel|recipientKey"</c>) still verify, so links already sent keep working.
/// </summary>
public sealed class SubscriptionSigner(IOptionsMonitor<LinkOptions> options)
{
    private const string Version = "s2";
    private const string UnsaltedVersion = "s1";
    private const int MaxTokenLength = 256;
    private const int ProofBytes = 16;
    private static readonly byte[] MacLabel = "tracker/summary-unsubscribe/v1"u8.ToArray();
    private static readonly byte[] ProofLabel = "tracker/summary-recipient/v1"u8.ToArray();

    public string Sign(SubscriptionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var current = options.CurrentValue;
        var keyId = current.ActiveKeyId;
        var key = DerivedKey(current, keyId, MacLabel) ?? throw new InvalidOperationException($"The active link key '{keyId}' is not configured (Links:Keys:{keyId}).");
        var proof = Proof(DerivedKey(current, keyId, ProofLabel)!, token.PanelId, token.RecipientKey);
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Version, keyId, LinkPurposes.Code(LinkPurpose.SummaryUnsubscribe), token.PanelId, proof));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The token's claim when its signature holds under a configured key; null for anything else.</summary>
    public SubscriptionClaim? Verify(string? presented)
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

        var claim = text.Split('|') switch
        {
            [Version, var keyId, var purpose, var panelId, var proof] when LinkPurposes.Parse(purpose) == LinkPurpose.SummaryUnsubscribe
                => new SubscriptionClaim(panelId, keyId, proof, null),
            [UnsaltedVersion, var keyId, var panelId, var recipientKey] => new SubscriptionClaim(panelId, keyId, null, recipientKey),
            _ => null,
        };
        if (claim is null) return null;
        var key = DerivedKey(options.CurrentValue, claim.KeyId, MacLabel);
        if (key is null || mac.Length != HMACSHA256.HashSizeInBytes || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac)) return null;
        return claim;
    }

    /// <summary>Whether the verified claim names this recipient of its panel.</summary>
    public bool Names(SubscriptionClaim claim, string recipientKey)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.LegacyRecipientKey is { } legacy) return string.Equals(legacy, recipientKey, StringComparison.Ordinal);
        var key = DerivedKey(options.CurrentValue, claim.KeyId, ProofLabel);
        return key is not null && claim.RecipientProof is { } proof
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Proof(key, claim.PanelId, recipientKey)), Encoding.ASCII.GetBytes(proof));
    }

    private static string Proof(byte[] key, string panelId, string recipientKey) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(panelId + "|" + recipientKey)).AsSpan(0, ProofBytes));

    private static byte[]? DerivedKey(LinkOptions options, string keyId, byte[] label)
    {
        if (!options.Keys.TryGetValue(keyId, out var encoded) || string.IsNullOrEmpty(encoded)) return null;
        try
        {
            return HMACSHA256.HashData(Convert.FromBase64String(encoded), label);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
