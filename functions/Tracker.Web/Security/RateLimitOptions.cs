using System.ComponentModel.DataAnnotations;

namespace Tracker.Web.Security;

/// <summary>
/// How many requests one client address may make to the public (anonymous) endpoints (app settings
/// <c>RateLimit__*</c>): a token bucket of <see cref="TokenLimit"/> that refills <see cref="TokensPerPeriod"/> every
/// <see cref="ReplenishmentPeriod"/>. The defaults let a whole classroom behind one NAT answer at once, and let the
/// demo's simulated participants (all on loopback) through; they stop a single client flooding storage.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>The burst a client may make at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 2000;

    /// <summary>How many requests the bucket regains every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many proxies in front of the app append to X-Forwarded-For and are trusted to: 0 when clients connect
    /// directly (locally; the header is then ignored, as anyone can send it), 1 in Azure, whose front end appends the
    /// address it saw. See <see cref="ClientAddress"/>.
    /// </summary>
    [Range(0, 10)]
    public int TrustedProxyHops { get; set; }
}
