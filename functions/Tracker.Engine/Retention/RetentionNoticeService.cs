using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Email;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Retention;

/// <summary>
/// Emails each panel's researcher once when <see cref="DataRetention.WarnDays"/> or fewer days remain before its
/// data-retention date and once when <see cref="FinalDays"/> or fewer remain. A panel first seen inside the last week
/// gets only the final notice: two emails on one day would say the same thing twice. Closed panels are included
/// (their data is still kept); deleted ones are no longer listed.
/// </summary>
public sealed class RetentionNoticeService
{
    public const int FinalDays = 7;
    private readonly PanelRepository panels;
    private readonly SendLedger<RetentionNoticeEntity> ledger;
    private readonly SmtpMailer mailer;
    private readonly TimeProvider clock;
    private readonly ILogger<RetentionNoticeService> logger;

    public RetentionNoticeService(PanelRepository panels, TrackerStorage storage, SmtpMailer mailer, TimeProvider clock, ILogger<RetentionNoticeService> logger, Microsoft.Extensions.Options.IOptions<Tracker.Engine.Configuration.TrackerOptions>? options = null)
    {
        this.panels = panels;
        ledger = new SendLedger<RetentionNoticeEntity>(storage, StorageNames.SummariesTable, options?.Value.ClaimLease);
        this.mailer = mailer;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>The notice due for a panel with this many days left, or null when none is.</summary>
    public static int? Threshold(int daysLeft) => daysLeft switch
    {
        <= FinalDays => FinalDays,
        <= DataRetention.WarnDays => DataRetention.WarnDays,
        _ => null,
    };

    /// <summary>Sends the notices now due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (panel.DataRetentionUntil is not { } until) continue;
            var daysLeft = DataRetention.DaysLeft(until, clock.GetUtcNow());
            if (Threshold(daysLeft) is not { } threshold) continue;
            if (panel.ResearcherEmail is null)
            {
                logger.LogInformation("No retention notice for panel {PanelId} ({DaysLeft} days left): it has no researcherEmail", panel.Id, daysLeft);
                continue;
            }

            if (await SendAsync(panel, until, daysLeft, threshold, cancellationToken).ConfigureAwait(false)) sent++;
        }

        return sent;
    }

    private async Task<bool> SendAsync(Panel panel, DateOnly until, int daysLeft, int threshold, CancellationToken cancellationToken)
    {
        var from = mailer.Sender;
        var row = new RetentionNoticeEntity
        {
            PartitionKey = panel.Id,
            RowKey = RetentionNoticeEntity.Row(threshold),
            Threshold = threshold,
            MessageId = RetentionNotice.MessageId(panel.Id, threshold, from.Address),
        };
        var claim = await ledger.TryClaimAsync(row, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (claim is null) return false;
        try
        {
            using var message = RetentionNotice.Create(panel, until, daysLeft, threshold, from);
            await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await ledger.MarkSentAsync(claim, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Retention notice ({Threshold} days) sent for panel {PanelId}", threshold, panel.Id);
            return true;
        }
        catch (PermanentDeliveryException ex)
        {
            await ledger.MarkFailedAsync(claim, ex.Message, CancellationToken.None).ConfigureAwait(false);
            logger.LogWarning("Retention notice ({Threshold} days) for panel {PanelId} refused: {Reason}", threshold, panel.Id, ex.Message);
        }
        catch (AmbiguousDeliveryException ex)
        {
            // As with summaries: the server may have it, so no blind second copy.
            await ledger.MarkUnknownAsync(claim, ex.Message, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            logger.LogWarning("Retention notice ({Threshold} days) for panel {PanelId} may or may not have been delivered: {Error}", threshold, panel.Id, ex.InnerException?.GetType().Name);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SmtpCommandException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            // Transient after the pipeline's retries: give the claim back so tomorrow's run tries again.
            await ledger.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            logger.LogWarning(ex, "Retention notice ({Threshold} days) for panel {PanelId} not delivered; it will be retried", threshold, panel.Id);
        }

        return false;
    }
}
