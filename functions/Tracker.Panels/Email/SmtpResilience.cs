using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Tracker.Panels.Email;

/// <summary>The one definition of how Tracker survives a flaky SMTP server: time-out per attempt, retries with jittered back-off, a breaker.</summary>
public static class SmtpResilience
{
    public static IServiceCollection AddSmtpResilience(this IServiceCollection services)
    {
        services.AddResiliencePipeline(SmtpMailer.PipelineName, builder =>
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
                })
                .AddTimeout(TimeSpan.FromSeconds(30));
        });
        return services;
    }
}
