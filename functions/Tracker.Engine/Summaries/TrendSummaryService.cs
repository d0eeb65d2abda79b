using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;
using Tracker.Engine.Email;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Summaries;
using Tracker.Model.Models;

namespace Tracker.Engine.Summaries;

/// <summary>
/// Sends each panel's trend summary to its stakeholders at the panel's cadence (after each wave closes, or weekly):
/// one email per recipient and period, ledgered so repeated or overlapping timer runs send nothing twice, and none to
/// a recipient who unsubscribed. The model is refreshed first when it is stale, so the email covers the latest answers.
/// </summary>
public sealed class TrendSummaryService(PanelRepository panels, WillingnessModelService models, SummaryLedger ledger, SummarySubscriptions subscriptions, SmtpMailer mailer, IEmailBodyRenderer bodies, TimeProvider clock, ILogger<TrendSummaryService> logger)
{
    public async Task<IReadOnlyList<SummaryRun>> SendDueAsync(CancellationToken cancellationToken)
    {
        var runs = new List<SummaryRun>();
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            // A closed study sends nothing more, stakeholder summaries included; its preview still renders.
            if (panel.IsClosed || panel.Stakeholders.Count == 0) continue;
            if (SummaryPeriod.Latest(panel, clock.GetUtcNow()) is not { } period) continue;
            try
            {
                if (await SendAsync(panel, period, cancellationToken).ConfigureAwait(false) is { } run) runs.Add(run);
            }
            catch (Tracker.Analysis.AnalysisException ex)
            {
                logger.LogWarning("No summary for panel {PanelId}: its data could not be modelled ({Problem})", panel.Id, ex.Message);
            }
        }

        return runs;
    }

    public async Task<SummaryRun?> SendAsync(Panel panel, SummaryPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(period);
        var unsubscribed = await subscriptions.UnsubscribedAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var all = panel.Stakeholders.Select(email => (Email: email, Key: SummaryLedger.RecipientKey(email))).ToList();
        var recipients = all.Where(r => !unsubscribed.Contains(r.Key)).ToList();
        var skipped = all.Count - recipients.Count;
        var rows = await ledger.ReadPeriodAsync(panel.Id, period.Key, cancellationToken).ConfigureAwait(false);
        var open = recipients.Where(r => !rows.TryGetValue(r.Key, out var row) || row.State == SummaryEntity.Claimed).ToList();
        if (open.Count == 0) return new SummaryRun(panel.Id, period.Key, 0, recipients.Count, 0, skipped);

        var outcome = await models.FitIfStaleAsync(panel, cancellationToken).ConfigureAwait(false);
        if (outcome.Model is not { } model)
        {
            logger.LogInformation("No summary for panel {PanelId} {Period}: no responses yet", panel.Id, period.Key);
            return null;
        }

        var from = mailer.Sender;
        // Composed (and its charts rendered) once; each recipient's copy differs only in its unsubscribe link.
        var email = SummaryComposer.Compose(bodies, model, period.Label, ImageMode.ContentId, unsubscribeUrl: LinkPlaceholder);
        var version = ModelStore.VersionName(model.FittedAt);
        int sent = 0, handled = recipients.Count - open.Count, failed = 0, unknown = 0;
        foreach (var (address, key) in open)
        {
            var messageId = SummaryMessage.MessageId(panel.Id, period, key, from.Address);
            var claim = await ledger.TryClaimAsync(panel.Id, period.Key, key, messageId, version, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                handled++;
                continue;
            }

            try
            {
                var link = subscriptions.UnsubscribeLink(panel.Id, key);
                var personal = email with { Html = email.Html.Replace(LinkPlaceholder, link.AbsoluteUri, StringComparison.Ordinal), Text = email.Text.Replace(LinkPlaceholder, link.AbsoluteUri, StringComparison.Ordinal) };
                using var message = SummaryMessage.Create(personal, panel.Id, period, from, address, key, link);
                await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
                await ledger.MarkSentAsync(claim, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                sent++;
            }
            catch (PermanentDeliveryException ex)
            {
                await ledger.MarkFailedAsync(claim, ex.Message, CancellationToken.None).ConfigureAwait(false);
                failed++;
                logger.LogWarning("Summary {Period} of panel {PanelId} refused for recipient {RecipientKey}: {Reason}", period.Key, panel.Id, key, ex.Message);
            }
            catch (AmbiguousDeliveryException ex)
            {
                // The server may have the message: as with invitations, the row is settled as unknown (never re-claimed,
                // so no blind second copy) rather than given back for the next run to send again.
                await ledger.MarkUnknownAsync(claim, ex.Message, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                unknown++;
                logger.LogWarning("Summary {Period} of panel {PanelId} may or may not have been delivered to recipient {RecipientKey}: {Error}", period.Key, panel.Id, key, ex.InnerException?.GetType().Name);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SmtpCommandException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException)
            {
                // Transient after the pipeline's retries: give the claim back so the next run tries again at once.
                await ledger.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
                failed++;
                logger.LogWarning(ex, "Summary {Period} of panel {PanelId} not delivered for recipient {RecipientKey}; it will be retried", period.Key, panel.Id, key);
            }
        }

        logger.LogInformation("Summary {Period} of panel {PanelId}: {Sent} sent, {Handled} already handled, {Failed} failed, {Unknown} unknown, {Unsubscribed} unsubscribed", period.Key, panel.Id, sent, handled, failed, unknown, skipped);
        return new SummaryRun(panel.Id, period.Key, sent, handled, failed, skipped) { Unknown = unknown };
    }

    /// <summary>The summary as it would be sent now, with the charts inlined so a browser shows them.</summary>
    public async Task<SummaryPreview> PreviewAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return new SummaryPreview(false, null, null);
        var model = await CurrentModelAsync(panel, cancellationToken).ConfigureAwait(false);
        if (model is null) return new SummaryPreview(true, null, $"Panel '{panelId}' has no responses yet, so there is nothing to summarise.");
        var period = SummaryPeriod.Latest(panel, clock.GetUtcNow());
        var email = SummaryComposer.Compose(bodies, model, period?.Label ?? "so far", ImageMode.DataUri, SummaryMessage.PreviewUnsubscribe);
        return new SummaryPreview(true, email.Html, null);
    }

    /// <summary>The composed email for a panel (CID images), for the command line's <c>tracker summary</c>.</summary>
    public async Task<SummaryEmail?> ComposeAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        var model = await CurrentModelAsync(panel, cancellationToken).ConfigureAwait(false);
        if (model is null) return null;
        var period = SummaryPeriod.Latest(panel, clock.GetUtcNow());
        return SummaryComposer.Compose(bodies, model, period?.Label ?? "so far", ImageMode.ContentId, SummaryMessage.PreviewUnsubscribe);
    }

    /// <summary>Stands in for the recipient's unsubscribe URL in the shared composition; a reserved domain (RFC 2606), so it can never be a real link.</summary>
    private const string LinkPlaceholder = "https://unsubscribe.invalid/recipient";

    private async Task<ModelDocument?> CurrentModelAsync(Panel panel, CancellationToken cancellationToken) =>
        (await models.FitIfStaleAsync(panel, cancellationToken).ConfigureAwait(false)).Model;
}
