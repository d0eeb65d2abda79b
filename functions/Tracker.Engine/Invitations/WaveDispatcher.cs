using Microsoft.Extensions.Logging;
using MimeKit;
using Tracker.Engine.Email;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine.Invitations;

/// <summary>
/// The sending half of dispatch: each message is claimed in the ledger before it goes out and marked sent after, so a
/// batch delivered twice, two senders at once, or a re-run after a crash only send what nobody has sent. Just before
/// sending, the participant's state is read again: someone who answered, opted out or left since the plan gets nothing.
/// </summary>
public sealed class WaveDispatcher(
    PanelRepository panels,
    ParticipantRepository participants,
    ResponseRepository responses,
    InvitationLedger ledger,
    ParticipantLinks links,
    SmtpMailer mailer,
    IEmailBodyRenderer bodies,
    TimeProvider clock,
    ILogger<WaveDispatcher> logger)
{
    /// <summary>Sends one queued batch (the queue trigger's work).</summary>
    public async Task<DispatchReport> SendBatchAsync(DispatchBatch batch, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.StartSending(batch.PanelId, batch.Wave);
        var panel = await panels.GetAsync(batch.PanelId, cancellationToken).ConfigureAwait(false);
        if (panel is null || batch.Wave > panel.Schedule.Waves)
        {
            logger.LogWarning("Dropped a dispatch batch for panel {PanelId} wave {Wave}: no such panel or wave", batch.PanelId, batch.Wave);
            return new DispatchReport(batch.PanelId, batch.Wave, 0, batch.Items.Count, 0, 0);
        }

        var report = await SendAsync(panel, batch.Wave, batch.Items.Where(i => MessageKind.IsKnown(i.Kind)).ToList(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Batch for panel {PanelId} wave {Wave}: {Sent} sent, {Already} already handled or no longer due, {Failed} failed, {Deferred} deferred, {Unknown} unknown",
            panel.Id, batch.Wave, report.Sent, report.AlreadyHandled, report.Failed, report.Deferred, report.Unknown);
        EngineTelemetry.BatchSent(panel.Id, batch.Wave, report.Sent, report.Failed, report.Deferred);
        return report;
    }

    private async Task<DispatchReport> SendAsync(Panel panel, int wave, IReadOnlyList<DispatchItem> items, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, deferred = 0, skipped = 0, unknown = 0;
        // One read of the batch's participants, contacts and ledger rows instead of three per message (docs/engine.md),
        // read again whenever it is older than FreshFor (a batch shares the connections with others and can run long).
        var snapshot = await BatchSnapshot.ReadAsync(participants, ledger, panel.Id, wave, items, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        using var rereading = new SemaphoreSlim(1, 1);
        async Task<BatchSnapshot> FreshAsync(CancellationToken ct)
        {
            if (Volatile.Read(ref snapshot).IsFresh(clock.GetUtcNow())) return snapshot;
            await rereading.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (!snapshot.IsFresh(clock.GetUtcNow()))
                {
                    Volatile.Write(ref snapshot, await BatchSnapshot.ReadAsync(participants, ledger, panel.Id, wave, items, clock.GetUtcNow(), ct).ConfigureAwait(false));
                }

                return snapshot;
            }
            finally
            {
                rereading.Release();
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = mailer.MaxConnections, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(items.Distinct(), parallel, async (item, ct) =>
        {
            var fresh = await FreshAsync(ct).ConfigureAwait(false);
            var responded = MessageKind.ReminderNumber(item.Kind) > 0 && (await responses.GetAsync(panel.Id, wave, item.ParticipantId, ct).ConfigureAwait(false)).Response is { Complete: true };
            var outcome = await SendOneAsync(panel, wave, item, fresh, responded, ct).ConfigureAwait(false);
            _ = outcome switch
            {
                SendOutcome.Sent => Interlocked.Increment(ref sent),
                SendOutcome.Failed => Interlocked.Increment(ref failed),
                SendOutcome.Deferred => Interlocked.Increment(ref deferred),
                SendOutcome.Unknown => Interlocked.Increment(ref unknown),
                _ => Interlocked.Increment(ref skipped),
            };
        }).ConfigureAwait(false);

        return new DispatchReport(panel.Id, wave, sent, skipped, failed, deferred) { Unknown = unknown };
    }

    /// <param name="snapshot">The batch's reads, at most <see cref="BatchSnapshot.FreshFor"/> old.</param>
    private async Task<SendOutcome> SendOneAsync(Panel panel, int wave, DispatchItem item, BatchSnapshot snapshot, bool responded, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var participant = snapshot.Participant(item.ParticipantId);
        var messageId = InvitationComposer.MessageId(panel.Id, wave, item.ParticipantId, item.Kind, mailer.Sender.Address);
        // Claimed from the row as read: anyone who changed it since (another sender, a re-plan) wins it.
        var claim = await ledger.TryClaimReadAsync(snapshot.Row(item.ParticipantId, item.Kind), panel.Id, wave, item.ParticipantId, item.Kind, messageId, now, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return SendOutcome.Skipped;
        }

        var contact = participant is null ? null : snapshot.Contact(participant.Id);
        // The window runs from the invitation as it actually went out: now for the invitation, its row's close for a reminder.
        var invitationClosesAt = participant is null || item.Kind == MessageKind.Invite ? null : snapshot.InvitationClosesAt(participant.Id);
        var refusal = participant is null || contact is null ? "erased" : SendPlan.Refusal(panel, participant, wave, item.Kind, now, responded, invitationClosesAt);
        if (refusal is not null)
        {
            // Settled, not deleted: the plan must not pick it up again, and status can say why it did not go out.
            await ledger.MarkSkippedAsync(claim, refusal, now, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Skipped;
        }

        var schedule = participant!.ScheduleIn(panel);
        var closesAt = item.Kind == MessageKind.Invite ? schedule.ClosesAt(wave, now) : invitationClosesAt ?? schedule.ClosesAt(wave);
        claim.ClosesAt = closesAt;
        MimeMessage message;
        try
        {
            message = InvitationComposer.Compose(
                bodies, panel, participant, wave, item.Kind, mailer.Sender, contact!.Email, links.SurveyLink(panel, participant, wave, closesAt), links.OptOutLink(panel, participant, wave), closesAt,
                contact.FirstName, Tracker.Engine.Languages.ParticipantLanguage.Of(panel, contact));
        }
        catch (ParseException ex)
        {
            await ledger.MarkFailedAsync(claim, $"invalid address: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return SendOutcome.Failed;
        }

        // The fence: an attempt may start only while the claim has a quarter of its lease left, so it ends before anyone
        // can take the row over (the wait for the send rate and for a connection counts against the lease too).
        var startBefore = claim.ClaimedAt + ledger.Lease - (ledger.Lease / 4);
        try
        {
            await mailer.SendAsync(message, () => clock.GetUtcNow() < startBefore, cancellationToken).ConfigureAwait(false);
        }
        catch (PermanentDeliveryException ex)
        {
            // The reason is the server's reply with addresses already redacted.
            logger.LogWarning("{Kind} for participant {ParticipantId}, panel {PanelId} wave {Wave} refused: {Reason}", item.Kind, item.ParticipantId, panel.Id, wave, ex.Message);
            await ledger.MarkFailedAsync(claim, ex.Message, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Failed;
        }
        catch (AmbiguousDeliveryException ex)
        {
            logger.LogWarning("{Kind} for participant {ParticipantId}, panel {PanelId} wave {Wave} may or may not have been delivered: {Error}", item.Kind, item.ParticipantId, panel.Id, wave, ex.InnerException?.GetType().Name);
            await ledger.MarkUnknownAsync(claim, ex.Message, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return SendOutcome.Unknown;
        }
        catch (SendWindowClosedException)
        {
            logger.LogWarning("{Kind} for participant {ParticipantId}, panel {PanelId} wave {Wave} given back unsent: its claim would have run out first", item.Kind, item.ParticipantId, panel.Id, wave);
            await ledger.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Deferred;
        }
        catch (Exception ex) when (SmtpFailures.IsTransient(ex) || ex is Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException or Polly.RateLimiting.RateLimiterRejectedException)
        {
            logger.LogWarning("{Kind} for participant {ParticipantId}, panel {PanelId} wave {Wave} deferred: {Error}", item.Kind, item.ParticipantId, panel.Id, wave, ex.GetType().Name);
            await ledger.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Deferred;
        }

        if (!await ledger.MarkSentAsync(claim, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("{Kind} for participant {ParticipantId}, panel {PanelId} wave {Wave} was sent but its row had been taken over", item.Kind, item.ParticipantId, panel.Id, wave);
        }

        return SendOutcome.Sent;
    }

    private enum SendOutcome
    {
        Sent,
        Skipped,
        Failed,
        Deferred,
        Unknown,
    }
}
