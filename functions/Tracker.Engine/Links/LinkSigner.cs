using System.Globalization;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Links;

/// <summary>
/// Signs and verifies participant link tokens with HMAC-SHA256.
/// A token is <c>base64url(payload) "." base64url(mac)</c>, the payload
/// <c>"2|keyId|purpose|panel|participant|wave|expiresUnix"</c> naming its key id so that keys can rotate (links signed
/// with an older key verify until they expire, as long as that key is configured) and its <see cref="LinkPurpose"/>, so
/// each route can refuse a link meant for another. The version-1 payload of links issued before purposes existed has no
/// purpose field; it verifies as a survey link unless its panel shows it was issued as an opt-out link (<see cref="LegacyLinks"/>).
/// </summary>
public sealed class LinkSigner(IOptionsMonitor<LinkOptions> options, TimeProvider clock)
{
    private const string Version = "2";
    private const string UnpurposedVersion = "1";
    private const int MaxTokenLength = 512;

    // DateTimeOffset.FromUnixTimeSeconds throws beyond year 9999; such an expiry can only come from a bug, never a 500.
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public string Sign(LinkToken token)
    {
        var current = options.CurrentValue;
        var keyId = current.ActiveKeyId;
        var key = SignedToken.Key(current, keyId) ?? throw new InvalidOperationException($"The active link key '{keyId}' is not configured (Links:Keys:{keyId}).");
        ArgumentNullException.ThrowIfNull(token);
        if (token.Purpose is not (LinkPurpose.Survey or LinkPurpose.OptOut))
        {
            throw new ArgumentException($"Participant links are for the survey or the opt-out page, not {token.Purpose}.", nameof(token));
        }

        return SignedToken.Seal(key, Version, keyId, LinkPurposes.Code(token.Purpose), token.PanelId, token.ParticipantId,
            token.Wave.ToString(CultureInfo.InvariantCulture),
            token.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The verdict for a route that serves <paramref name="expected"/> links: a genuine link meant for another purpose is
    /// <see cref="LinkVerification.Invalid"/>, exactly like a forged one, so the answer reveals nothing about it. A
    /// version-1 token (no purpose field) comes back <see cref="LinkVerification.Unpurposed"/> whatever is expected: only
    /// its panel can tell what it was issued as (<see cref="LegacyLinks"/>), and the route must ask it.
    /// </summary>
    public LinkVerification Verify(string? presented, LinkPurpose expected)
    {
        var verification = Verify(presented);
        if (verification.Unpurposed) return verification;
        return verification.Token is { } token && token.Purpose != expected ? LinkVerification.Invalid : verification;
    }

    public LinkVerification Verify(string? presented)
    {
        if (SignedToken.Open(presented, MaxTokenLength) is not { } opened)
        {
            return LinkVerification.Invalid;
        }

        var parts = opened.Fields;
        LinkPurpose? purpose = parts switch
        {
            [Version, _, var code, _, _, _, _] => LinkPurposes.Parse(code),
            [UnpurposedVersion, _, _, _, _, _] => LinkPurpose.Survey,
            _ => null,
        };
        if (purpose is not (LinkPurpose.Survey or LinkPurpose.OptOut))
        {
            return LinkVerification.Invalid;
        }

        // From here on the fields are read as in version 1: key id, then panel, participant, wave, expiry.
        if (parts[0] == Version)
        {
            parts = [parts[0], parts[1], .. parts[3..]];
        }

        if (!opened.IsSignedBy(SignedToken.Key(options.CurrentValue, parts[1])))
        {
            return LinkVerification.Invalid;
        }

        // Only a payload we signed ourselves gets this far, so a parse failure means a format change, not an attack.
        if (!int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var wave)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix)
            || expiresUnix > MaxUnixSeconds)
        {
            return LinkVerification.Invalid;
        }

        var token = new LinkToken(parts[2], parts[3], wave, DateTimeOffset.FromUnixTimeSeconds(expiresUnix), purpose.Value);
        var unpurposed = parts[0] == UnpurposedVersion;
        return clock.GetUtcNow() >= token.ExpiresAt
            ? new LinkVerification(LinkVerificationStatus.Expired, token, unpurposed)
            : new LinkVerification(LinkVerificationStatus.Valid, token, unpurposed);
    }
}
