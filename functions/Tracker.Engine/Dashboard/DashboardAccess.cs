using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// Who may see a panel's dashboard without a function key in its URL. A key holder mints a short-lived link
/// (<see cref="LinkLifetime"/>); opening it swaps it for a session cookie (<see cref="SessionLifetime"/>) that only
/// that panel's dashboard accepts. Both are HMAC-signed with a key derived from the active link key, so neither can be
/// forged, neither is ever a participant token (the derivation separates them), and no function key reaches a browser.
/// </summary>
public sealed class DashboardAccess(IOptionsMonitor<LinkOptions> options, TimeProvider clock)
{
    public const string CookieName = "tracker_dashboard";

    /// <summary>How long a minted link may be opened: long enough to paste it into a browser, short enough that browser history and logs hold nothing usable.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long the cookie keeps the dashboard open: a working day, then mint a new link.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    private const string Version = "d1";
    private const int MaxTokenLength = 512;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("tracker dashboard access v1");

    public (string Token, DateTimeOffset ExpiresAt) MintLink(string panelId) => Mint(DashboardTokenKind.Link, panelId, LinkLifetime);

    public (string Token, DateTimeOffset ExpiresAt) MintSession(string panelId) => Mint(DashboardTokenKind.Session, panelId, SessionLifetime);

    /// <summary>True when <paramref name="presented"/> is a genuine, unexpired token of this kind for this panel.</summary>
    public bool Verify(string? presented, DashboardTokenKind kind, string panelId)
    {
        if (SignedToken.Open(presented, MaxTokenLength) is not { Fields: [Version, _, var keyId, _, _] } opened) return false;
        if (!opened.IsSignedBy(SignedToken.Key(options.CurrentValue, keyId, Purpose))) return false;

        var parts = opened.Fields;
        return parts[1] == KindName(kind)
            && string.Equals(parts[3], panelId, StringComparison.Ordinal)
            && long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().ToUnixTimeSeconds() < expires;
    }

    private (string Token, DateTimeOffset ExpiresAt) Mint(DashboardTokenKind kind, string panelId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(panelId);
        var current = options.CurrentValue;
        var keyId = current.ActiveKeyId;
        var key = SignedToken.Key(current, keyId, Purpose) ?? throw new InvalidOperationException($"The active link key '{keyId}' is not configured (Links:Keys:{keyId}).");
        var expiresAt = clock.GetUtcNow().Add(lifetime);
        var token = SignedToken.Seal(key, Version, KindName(kind), keyId, panelId, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (token, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }

    private static string KindName(DashboardTokenKind kind) => kind == DashboardTokenKind.Link ? "link" : "session";
}
