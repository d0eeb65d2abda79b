using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Registry;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Email;

/// <summary>
/// Sends through a small pool of SMTP connections kept open between messages (connecting per message would halve
/// throughput), each send inside the <c>smtp</c> resilience pipeline. Permanent refusals surface as <see cref="PermanentDeliveryException"/>.
/// </summary>
public sealed class SmtpMailer : IAsyncDisposable
{
    public const string PipelineName = "smtp";
    private readonly SmtpOptions options;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<SmtpMailer> logger;
    private readonly SemaphoreSlim slots;
    private readonly GlobalSendRate? sendRate;
    private readonly ConcurrentBag<SmtpClient> idle = [];

    /// <param name="sendRate">The app-wide rate every attempt takes a token from; absent where no storage is wired (unit tests).</param>
    public SmtpMailer(IOptions<SmtpOptions> options, ResiliencePipelineProvider<string> pipelines, ILogger<SmtpMailer> logger, GlobalSendRate? sendRate = null)
    {
        this.sendRate = sendRate;
        this.options = options.Value;
        pipeline = pipelines.GetPipeline(PipelineName);
        this.logger = logger;
        slots = new SemaphoreSlim(MaxConnections, MaxConnections);
    }

    public MailboxAddress Sender => new(options.FromName, options.FromAddress);

    /// <summary>How many messages may be in flight at once (one connection each).</summary>
    public int MaxConnections => Math.Max(1, options.MaxConnections);

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync(message, null, cancellationToken);

    /// <summary>
    /// Sends one message. <paramref name="mayStart"/> is asked right before each attempt, after the wait for the send
    /// rate and for a connection: false ends the send with <see cref="SendWindowClosedException"/> and nothing sent.
    /// A refusal for good surfaces as <see cref="PermanentDeliveryException"/>; a reply lost after the whole message
    /// went to the server as <see cref="AmbiguousDeliveryException"/> (never retried). Server replies in either are
    /// redacted of addresses.
    /// </summary>
    public async Task SendAsync(MimeMessage message, Func<bool>? mayStart, CancellationToken cancellationToken)
    {
        // A token from the app-wide bucket first, outside the pipeline's 30 s attempt time-out (a low shared rate can
        // mean a longer wait); mayStart is asked after it, so the wait counts against the caller's lease.
        if (sendRate is not null) await sendRate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await pipeline.ExecuteAsync(async ct => await SendOnceAsync(message, mayStart, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex) when (!SmtpFailures.IsTransient(ex))
        {
            throw new PermanentDeliveryException(SmtpReplyRedactor.Redact($"{(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}", Recipients(message)), ex);
        }
    }

    private static IEnumerable<string> Recipients(MimeMessage message) =>
        message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address);

    private async Task SendOnceAsync(MimeMessage message, Func<bool>? mayStart, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        SmtpClient? smtp = null;
        var progress = new DataProgress();
        try
        {
            if (mayStart is not null && !mayStart())
            {
                throw new SendWindowClosedException("The claim's lease would end before this message could be sent; it was not sent.");
            }

            (smtp, var reused) = await ConnectedClientAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await smtp.SendAsync(message, cancellationToken, progress).ConfigureAwait(false);
            }
            catch (Exception ex) when (reused && !progress.Started && SmtpFailures.IsIdleDisconnect(ex))
            {
                // Servers close connections left idle past their time-out (smtp4dev, most relays), and the pool learns it
                // only on the next send, before any data: expected after every quiet spell, so reconnect here at debug
                // level instead of failing the attempt (which Polly would log as a warning with the stack trace).
                logger.LogDebug("The SMTP server had closed an idle connection ({Failure}); reconnecting", ex.GetType().Name);
                await DropAsync(smtp).ConfigureAwait(false);
                smtp = null;
                smtp = await NewClientAsync(cancellationToken).ConfigureAwait(false);
                progress = new DataProgress();
                await smtp.SendAsync(message, cancellationToken, progress).ConfigureAwait(false);
            }

            idle.Add(smtp);
            smtp = null;
        }
        catch (SmtpCommandException) when (smtp is { IsConnected: true })
        {
            // The server refused this message but the session is still good: keep the connection.
            idle.Add(smtp);
            smtp = null;
            throw;
        }
        catch (Exception ex) when (progress.Complete && ex is not SmtpCommandException)
        {
            // The whole message went out and no reply came: the server may have accepted it. A retry could send a second copy.
            throw new AmbiguousDeliveryException($"No reply after the message was sent ({ex.GetType().Name}); the server may have accepted it.", ex);
        }
        finally
        {
            // Anything else leaves the connection in an unknown state: drop it so the retry reconnects.
            if (smtp is not null) await DropAsync(smtp).ConfigureAwait(false);
            slots.Release();
        }
    }

    /// <summary>A pooled connection (<c>Reused</c>: it may have been closed by the server since) or a new one.</summary>
    private async Task<(SmtpClient Client, bool Reused)> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var pooled))
        {
            if (pooled.IsConnected) return (pooled, true);
            await DropAsync(pooled).ConfigureAwait(false);
        }

        return (await NewClientAsync(cancellationToken).ConfigureAwait(false), false);
    }

    private async Task<SmtpClient> NewClientAsync(CancellationToken cancellationToken)
    {
        var smtp = new SmtpClient { Timeout = 30_000 };
        try
        {
            await smtp.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            smtp.Dispose();
            throw;
        }

        logger.LogDebug("Connected to SMTP server {Host}:{Port}", options.Host, options.Port);
        return smtp;
    }

    private static async Task DropAsync(SmtpClient smtp)
    {
        try
        {
            if (smtp.IsConnected) await smtp.DisconnectAsync(true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ServiceNotConnectedException or SmtpProtocolException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // Already broken; disposing is all that is left to do.
        }

        smtp.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var smtp))
        {
            await DropAsync(smtp).ConfigureAwait(false);
        }

        slots.Dispose();
    }
}
