using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Registry;
using Tracker.Panels.Configuration;

namespace Tracker.Panels.Email;

/// <summary>
/// Sends through one SMTP connection that is kept open between messages (connecting per message would halve throughput),
/// inside the <c>smtp</c> resilience pipeline. Permanent refusals surface as <see cref="PermanentDeliveryException"/>.
/// </summary>
public sealed class SmtpMailer : IAsyncDisposable
{
    public const string PipelineName = "smtp";
    private readonly SmtpOptions options;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<SmtpMailer> logger;
    private readonly SemaphoreSlim connection = new(1, 1);
    private SmtpClient? client;

    public SmtpMailer(IOptions<SmtpOptions> options, ResiliencePipelineProvider<string> pipelines, ILogger<SmtpMailer> logger)
    {
        this.options = options.Value;
        pipeline = pipelines.GetPipeline(PipelineName);
        this.logger = logger;
    }

    public MailboxAddress Sender => new(options.FromName, options.FromAddress);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.ExecuteAsync(async ct => await SendOnceAsync(message, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex) when (!SmtpFailures.IsTransient(ex))
        {
            throw new PermanentDeliveryException($"{(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}", ex);
        }
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var smtp = await ConnectedClientAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not SmtpCommandException)
            {
                // The connection is in an unknown state after a protocol or I/O failure: drop it so the retry reconnects.
                await DropAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            connection.Release();
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        await DropAsync().ConfigureAwait(false);
        var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        logger.LogDebug("Connected to SMTP server {Host}:{Port}", options.Host, options.Port);
        client = smtp;
        return smtp;
    }

    private async Task DropAsync()
    {
        if (client is null) return;
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ServiceNotConnectedException or SmtpProtocolException or OperationCanceledException)
        {
            // Already broken; disposing is all that is left to do.
        }

        client.Dispose();
        client = null;
    }

    public async ValueTask DisposeAsync()
    {
        await connection.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropAsync().ConfigureAwait(false);
        }
        finally
        {
            connection.Release();
            connection.Dispose();
        }
    }
}
