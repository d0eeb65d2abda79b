using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using netDumbster.smtp;
using Polly;
using Polly.RateLimiting;
using Polly.Registry;
using Polly.Simmy;
using Polly.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Email;

namespace Tracker.Engine.Tests.Email;

/// <summary>The SMTP pipeline as production builds it: its strategies, and surviving faults injected in-process with Polly's chaos strategies.</summary>
public sealed class SmtpPipelineTests
{
    [Fact]
    public void A_send_rate_adds_a_rate_limiter_and_none_means_unlimited()
    {
        Assert.DoesNotContain(Strategies(0), s => s is RateLimiterStrategyOptions);
        var limited = Strategies(5);
        Assert.Contains(limited, s => s is RateLimiterStrategyOptions);
        Assert.Contains(limited, s => s is Polly.Retry.RetryStrategyOptions);
        Assert.Contains(limited, s => s is Polly.CircuitBreaker.CircuitBreakerStrategyOptions);
        Assert.Contains(limited, s => s is Polly.Timeout.TimeoutStrategyOptions);
    }

    [Theory]
    [InlineData(25, 3, 120)]
    [InlineData(250, 25, 100)]
    [InlineData(2, 1, 500)]
    [InlineData(0.5, 1, 2000)]
    public void The_send_rate_becomes_a_token_bucket_of_the_same_rate(double perSecond, int tokens, int periodMs)
    {
        using var limiter = SmtpResilience.SendRate(perSecond);
        Assert.Equal(tokens, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(TimeSpan.FromMilliseconds(periodMs), limiter.ReplenishmentPeriod);
    }

    [Fact]
    public async Task Injected_transient_faults_are_retried_and_every_message_arrives_exactly_once()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var injected = 0;
        await using var services = Services(port, 0, builder => builder.AddChaosFault(new Polly.Simmy.Fault.ChaosFaultStrategyOptions
        {
            InjectionRate = 0.4,
            Randomizer = new Random(20261128).NextDouble,
            FaultGenerator = _ => new ValueTask<Exception?>(new IOException("injected: connection reset")),
            OnFaultInjected = _ =>
            {
                Interlocked.Increment(ref injected);
                return default;
            },
        }));
        var mailer = services.GetRequiredService<SmtpMailer>();

        const int Messages = 40;
        for (var i = 0; i < Messages; i++)
        {
            var message = new MimeMessage { Subject = $"chaos {i}", MessageId = $"chaos-{i}@tracker.test" };
            message.From.Add(mailer.Sender);
            message.To.Add(MailboxAddress.Parse($"p{i}@example.org"));
            message.Body = new TextPart("plain") { Text = "hello" };
            await mailer.SendAsync(message, CancellationToken.None);
        }

        await mailer.DisposeAsync();
        Assert.True(injected >= 5, $"only {injected} faults were injected");
        Assert.Equal(Messages, server.ReceivedEmailCount);
        var ids = server.ReceivedEmail.Select(m => m.Headers["Message-ID"]).ToList();
        Assert.Equal(Messages, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private static IReadOnlyList<object> Strategies(double perSecond)
    {
        using var services = Services(25, perSecond, null);
        var pipeline = services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(SmtpMailer.PipelineName);
        return pipeline.GetPipelineDescriptor().Strategies.Select(s => s.Options!).ToList();
    }

    private static ServiceProvider Services(int port, double perSecond, Action<ResiliencePipelineBuilder>? inject)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddOptions<SmtpOptions>().Configure(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = port;
            o.Security = "None";
            o.FromAddress = "tracker@tracker.test";
            o.MaxConnections = 2;
            o.MessagesPerSecond = perSecond;
        });
        services.AddSmtpResilience(inject);
        services.AddSingleton<SmtpMailer>();
        return services.BuildServiceProvider();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
