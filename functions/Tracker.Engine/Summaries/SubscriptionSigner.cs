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
        var key = SignedToken.Key(current, keyId, MacLabel) ?? throw new InvalidOperationException($"The active link key '{keyId}' is not configured (Links:Keys:{keyId}).");
        var proof = Proof(SignedToken.Key(current, keyId, ProofLabel)!, token.PanelId, token.RecipientKey);
        return SignedToken.Seal(key, Version, keyId, LinkPurposes.Code(LinkPurpose.SummaryUnsubscribe), token.PanelId, proof);
    }

    /// <summary>The token's claim when its signature holds under a configured key; null for anything else.</summary>
    public SubscriptionClaim? Verify(string? presented)
    {
        if (SignedToken.Open(presented, MaxTokenLength) is not { } opened) return null;
        var claim = opened.Fields switch
        {
            [Version, var keyId, var purpose, var panelId, var proof] when LinkPurposes.Parse(purpose) == LinkPurpose.SummaryUnsubscribe
                => new SubscriptionClaim(panelId, keyId, proof, null),
            [UnsaltedVersion, var keyId, var panelId, var recipientKey] => new SubscriptionClaim(panelId, keyId, null, recipientKey),
            _ => null,
        };
        if (claim is null) return null;
        return opened.IsSignedBy(SignedToken.Key(options.CurrentValue, claim.KeyId, MacLabel)) ? claim : null;
    }

    /// <summary>Whether the verified claim names this recipient of its panel.</summary>
    public bool Names(SubscriptionClaim claim, string recipientKey)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.LegacyRecipientKey is { } legacy) return string.Equals(legacy, recipientKey, StringComparison.Ordinal);
        var key = SignedToken.Key(options.CurrentValue, claim.KeyId, ProofLabel);
        return key is not null && claim.RecipientProof is { } proof
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Proof(key, claim.PanelId, recipientKey)), Encoding.ASCII.GetBytes(proof));
    }

    private static string Proof(byte[] key, string panelId, string recipientKey) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(panelId + "|" + recipientKey)).AsSpan(0, ProofBytes));
}
