using Microsoft.Extensions.Logging;
using MimeKit;
using Tracker.Panels.Email;
using Tracker.Panels.Links;
using Tracker.Panels.Panels;
using Tracker.Panels.Participants;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Invitations;

/// <summary>
/// Sends each open wave's invitations to every active participant exactly once: the ledger row is claimed before
/// the message goes out and marked sent after. Running it again, or twice at once, only sends what nobody has sent.
/// </summary>
public sealed class WaveDispatcher
{
    private readonly PanelRepository panels;
    private readonly ParticipantRepository participants;
    private readonly InvitationLedger ledger;
    private readonly ParticipantLinks links;
    private readonly SmtpMailer mailer;
    private readonly TimeProvider clock;
    private readonly ILogger<WaveDispatcher> logger;

    public WaveDispatcher(
        PanelRepository panels,
        ParticipantRepository participants,
        InvitationLedger ledger,
        ParticipantLinks links,
        SmtpMailer mailer,
        TimeProvider clock,
        ILogger<WaveDispatcher> logger)
    {
        this.panels = panels;
        this.participants = participants;
        this.ledger = ledger;
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Every wave whose time has come, across all panels.</summary>
    public async Task<IReadOnlyList<DispatchReport>> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var reports = new List<DispatchReport>();
        var now = clock.GetUtcNow();
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (now >= panel.Schedule.End) continue;
            var waves = await panels.GetWavesAsync(panel.Id, cancellationToken).ConfigureAwait(false);
            foreach (var wave in panel.Schedule.OpenWavesAt(now))
            {
                var row = waves.FirstOrDefault(w => w.Number == wave);
                var everyoneSince = row?.DispatchedAt;
                var newcomers = await HasParticipantsEnrolledAfterAsync(panel.Id, everyoneSince, cancellationToken).ConfigureAwait(false);
                if (everyoneSince is not null && !newcomers) continue;
                reports.Add(await DispatchWaveAsync(panel, wave, cancellationToken).ConfigureAwait(false));
            }
        }

        return reports;
    }

    /// <summary>One wave of one panel, now; the admin "send now" and the timer share this path.</summary>
    public async Task<DispatchReport> DispatchWaveAsync(Panel panel, int wave, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var members = (await participants.ListAsync(panel.Id, cancellationToken).ConfigureAwait(false)).Where(p => p.Active).ToList();
        var rows = await ledger.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false);
        var pending = members.Where(p => !IsSettled(rows, p.Id)).ToList();
        var contacts = pending.Count == 0 ? [] : await participants.GetContactsAsync(panel.Id, cancellationToken).ConfigureAwait(false);

        int sent = 0, failed = 0, deferred = 0, skipped = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = mailer.MaxConnections, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (participant, ct) =>
        {
            if (!contacts.TryGetValue(participant.Id, out var contact))
            {
                return; // Erased meanwhile: there is nobody to write to.
            }

            var outcome = await SendOneAsync(panel, wave, participant, contact.Email, ct).ConfigureAwait(false);
            _ = outcome switch
            {
                SendOutcome.Sent => Interlocked.Increment(ref sent),
                SendOutcome.Failed => Interlocked.Increment(ref failed),
                SendOutcome.Deferred => Interlocked.Increment(ref deferred),
                _ => Interlocked.Increment(ref skipped),
            };
        }).ConfigureAwait(false);

        if (deferred == 0)
        {
            await panels.MarkDispatchedAsync(panel.Id, wave, started, cancellationToken).ConfigureAwait(false);
        }

        var report = new DispatchReport(panel.Id, wave, sent, members.Count - pending.Count + skipped, failed, deferred);
        logger.LogInformation(
            "Dispatched panel {PanelId} wave {Wave}: {Sent} sent, {Already} already handled, {Failed} failed, {Deferred} deferred",
            panel.Id, wave, report.Sent, report.AlreadyHandled, report.Failed, report.Deferred);
        return report;
    }

    private async Task<SendOutcome> SendOneAsync(Panel panel, int wave, Participant participant, string email, CancellationToken cancellationToken)
    {
        var messageId = InvitationComposer.MessageId(panel.Id, wave, participant.Id, MessageKind.Invite, mailer.Sender.Address);
        var claim = await ledger.TryClaimAsync(panel.Id, wave, participant.Id, MessageKind.Invite, messageId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return SendOutcome.Skipped;
        }

        MimeMessage message;
        try
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(participant.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            message = InvitationComposer.Compose(panel, wave, participant.Id, MessageKind.Invite, mailer.Sender, email, links.SurveyLink(panel, participant.Id, wave), zone);
        }
        catch (ParseException ex)
        {
            await ledger.MarkFailedAsync(claim, $"invalid address: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return SendOutcome.Failed;
        }

        try
        {
            await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (PermanentDeliveryException ex)
        {
            logger.LogWarning("Invitation for participant {ParticipantId}, panel {PanelId} wave {Wave} refused: {Reason}", participant.Id, panel.Id, wave, ex.Message);
            await ledger.MarkFailedAsync(claim, ex.Message, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Failed;
        }
        catch (Exception ex) when (SmtpFailures.IsTransient(ex) || ex is Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogWarning("Invitation for participant {ParticipantId}, panel {PanelId} wave {Wave} deferred: {Error}", participant.Id, panel.Id, wave, ex.GetType().Name);
            await ledger.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Deferred;
        }

        await ledger.MarkSentAsync(claim, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return SendOutcome.Sent;
    }

    private static bool IsSettled(Dictionary<string, InvitationEntity> rows, string participantId) =>
        rows.TryGetValue(InvitationEntity.Row(participantId, MessageKind.Invite), out var row) && row.State is InvitationEntity.Sent or InvitationEntity.Failed;

    private async Task<bool> HasParticipantsEnrolledAfterAsync(string panelId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        if (since is null) return true;
        var list = await participants.ListAsync(panelId, cancellationToken).ConfigureAwait(false);
        return list.Any(p => p.Active && p.EnrolledAt >= since);
    }

    private enum SendOutcome
    {
        Sent,
        Skipped,
        Failed,
        Deferred,
    }
}
