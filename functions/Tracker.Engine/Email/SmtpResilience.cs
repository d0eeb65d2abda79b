using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Email;

/// <summary>
/// The one definition of how Tracker survives a flaky SMTP server and respects a provider's cap: retries with jittered
/// exponential back-off, a circuit breaker, a send rate (<c>Smtp:MessagesPerSecond</c>, waiting rather than refusing),
/// and a time-out per attempt.
/// </summary>
public static class SmtpResilience
{
    /// <param name="inject">
    /// Strategies added innermost, inside the retries — the place for Polly's chaos strategies, so fault-injection tests
    /// exercise the very pipeline production uses.
    /// </param>
    public static IServiceCollection AddSmtpResilience(this IServiceCollection services, Action<ResiliencePipelineBuilder>? inject = null)
    {
        services.AddResiliencePipeline(SmtpMailer.PipelineName, (builder, context) =>
        {
            // Network back-off runs in real time even when the app's clock is accelerated (demo) or faked (tests).
            builder.TimeProvider = TimeProvider.System;
            var transient = new PredicateBuilder().Handle<Exception>(SmtpFailures.IsTransient);
            builder
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = transient,
                    MaxRetryAttempts = 4,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = transient,
                    FailureRatio = 0.8,
                    MinimumThroughput = 20,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(15),
                });

            var rate = context.ServiceProvider.GetRequiredService<IOptions<SmtpOptions>>().Value.MessagesPerSecond;
            if (rate > 0)
            {
                var limiter = SendRate(rate);
                context.OnPipelineDisposed(limiter.Dispose);
                builder.AddRateLimiter(limiter);
            }

            builder.AddTimeout(TimeSpan.FromSeconds(30));
            inject?.Invoke(builder);
        });
        return services;
    }

    /// <summary>
    /// A token bucket of exactly the configured rate, refilled about every 100 ms (once per message below 10/s),
    /// queueing sends instead of rejecting them.
    /// </summary>
    public static TokenBucketRateLimiter SendRate(double messagesPerSecond)
    {
        var tokens = Math.Max(1, (int)Math.Ceiling(messagesPerSecond / 10));
        var period = TimeSpan.FromSeconds(tokens / messagesPerSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
