using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tracker.Web.Security;

/// <summary>
/// Rate limit for the anonymous endpoints: one token bucket per client address (<see cref="ClientAddress"/>). A
/// function calls <see cref="Refuse"/> first and returns its answer when it is not null — a 429 page with Retry-After.
/// </summary>
public sealed class PublicRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly RateLimitOptions options;
    private readonly ILogger<PublicRateLimiter> logger;

    public PublicRateLimiter(IOptions<RateLimitOptions> options, ILogger<PublicRateLimiter> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = this.options.TokenLimit,
            TokensPerPeriod = this.options.TokensPerPeriod,
            ReplenishmentPeriod = this.options.ReplenishmentPeriod,
            // No queue: a participant waiting on a spinner is worse than a page that says when to come back.
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => bucket));
    }

    /// <summary>Null when the request may go on; otherwise the 429 page to return.</summary>
    public IActionResult? Refuse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var lease = limiter.AttemptAcquire(ClientAddress.Of(request, options.TrustedProxyHops));
        if (lease.IsAcquired) return null;

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : options.ReplenishmentPeriod;
        // The address is personal data in some jurisdictions: the log says that limiting happened, not to whom.
        logger.LogWarning("Rate limit reached on a public endpoint; answered 429 (retry after {RetryAfterSeconds} s)", SecondsOf(retryAfter));
        return new TooManyRequestsResult(retryAfter);
    }

    public void Dispose() => limiter.Dispose();

    internal static long SecondsOf(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
