using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine.Invitations;

/// <summary>
/// The timer's half of dispatch: works out which invitations and reminders are due, records them in the ledger as
/// queued (a whole batch per transaction) and puts them on the dispatch queue in batches, so a large wave is sent by
/// as many queue-triggered instances as Azure starts. Two planners racing each enqueue only the rows they inserted;
/// a queued row whose message was lost is planned again once its wave has stood still for a claim lease.
/// </summary>
public sealed class DispatchPlanner(
    PanelRepository panels,
    ParticipantRepository participants,
    ResponseRepository responses,
    InvitationLedger ledger,
    DispatchQueueWriter queue,
    IOptionsMonitor<LinkOptions> links,
    TimeProvider clock,
    ILogger<DispatchPlanner> logger)
{
    /// <summary>Plans every due send of every panel; returns how many messages were queued.</summary>
    public async Task<int> PlanDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var now = clock.GetUtcNow();
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (panel.IsClosed || now >= panel.Schedule.End) continue;
            var waves = panel.Schedule.OpenWavesAt(now).ToList();
            if (waves.Count == 0) continue;
            var members = await participants.ListAsync(panel.Id, cancellationToken).ConfigureAwait(false);
            foreach (var wave in waves)
            {
                var audience = await ReadAudienceAsync(panel.Id, wave, members, cancellationToken).ConfigureAwait(false);
                queued += (await PlanWaveAsync(panel, audience, WaveSendMode.Due, now, cancellationToken).ConfigureAwait(false)).Queued;
            }
        }

        return queued;
    }

    /// <summary>
    /// A researcher's request for one wave, answered at once (the queue function sends, status shows the progress):
    /// <see cref="WaveSendMode.Due"/> queues what is due, as the timer would; <see cref="WaveSendMode.ResendUnknown"/>
    /// queues again each row whose outcome is unknown (ETag-conditional, so two requests at once re-send each once).
    /// </summary>
    public async Task<WaveQueueReport> QueueWaveAsync(Panel panel, int wave, WaveSendMode mode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var audience = await ReadAudienceAsync(panel.Id, wave, null, cancellationToken).ConfigureAwait(false);
        return await PlanWaveAsync(panel, audience, mode, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a key change: queues for the wave one fresh invitation, signed with the active key, to each participant
    /// <see cref="SendPlan.ReissueIsFor"/> names. Its ledger kind names the key, so the ledger's insert keeps it to once
    /// per participant, wave and key (two requests at once queue each once) and the sender claims it like any message.
    /// </summary>
    public async Task<ReissueReport> ReissueAsync(Panel panel, int wave, bool includeResponded, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keyId = links.CurrentValue.ActiveKeyId;
        var kind = MessageKind.Reissue(keyId);
        // Members with a contact only: a row without one (an orphan, an erasure) could never be sent, so is not counted as queued.
        var members = (await participants.ListMembersAsync(panel.Id, cancellationToken).ConfigureAwait(false)).Members;
        var audience = await ReadAudienceAsync(panel.Id, wave, members, cancellationToken).ConfigureAwait(false);
        var due = audience.Participants
            .Where(p => SendPlan.ReissueIsFor(panel, p, wave, now, audience.LedgerState(p.Id, MessageKind.Invite), audience.Respondents.ContainsKey(p.Id), includeResponded))
            .ToList();
        var fresh = due.Where(p => audience.LedgerState(p.Id, kind) is null).Select(p => InvitationLedger.NewRow(panel.Id, wave, p.Id, kind)).ToList();
        var inserted = await queue.InsertAndEnqueueAsync(panel.Id, wave, fresh, now, cancellationToken).ConfigureAwait(false);

        EngineTelemetry.WavePlanned(panel.Id, wave, inserted.Count);
        logger.LogInformation(
            "Reissued links of panel {PanelId} wave {Wave} with key {KeyId}: {Queued} queued, {Already} already reissued",
            panel.Id, wave, keyId, inserted.Count, due.Count - inserted.Count);
        return new ReissueReport(wave, keyId, inserted.Count, due.Count - inserted.Count);
    }

    public async Task<WaveAudience> ReadAudienceAsync(string panelId, int wave, IReadOnlyList<Participant>? members, CancellationToken cancellationToken)
    {
        members ??= await participants.ListAsync(panelId, cancellationToken).ConfigureAwait(false);
        var rows = await ledger.ReadWaveAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
        var respondents = await responses.RespondentsAsync(panelId, wave, cancellationToken, completeOnly: true).ConfigureAwait(false);
        return new WaveAudience(wave, members, rows, respondents);
    }

    private async Task<WaveQueueReport> PlanWaveAsync(Panel panel, WaveAudience audience, WaveSendMode mode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.StartPlanning(panel.Id, audience.Wave);
        var messages = audience.Ledger.Values.Where(r => MessageKind.IsKnown(r.Kind)).ToList();
        var inFlight = messages.Count(r => r.State is LedgerEntity.Queued or LedgerEntity.Claimed);
        var settled = messages.Count - inFlight;
        IReadOnlyList<InvitationEntity> inserted = [];
        IReadOnlyList<InvitationEntity> requeued;
        if (mode == WaveSendMode.ResendUnknown)
        {
            requeued = await ledger.RequeueUnknownAsync(messages, now, cancellationToken).ConfigureAwait(false);
            settled -= requeued.Count;
        }
        else
        {
            var due = audience.Due(panel, now)
                .Select(s => InvitationLedger.NewRow(panel.Id, s.Wave, s.ParticipantId, s.Kind))
                .ToList();
            // Each batch goes on the queue as soon as its rows are in the ledger, so sending starts while the rest is planned.
            inserted = await queue.InsertAndEnqueueAsync(panel.Id, audience.Wave, due, now, cancellationToken).ConfigureAwait(false);
            // Queued rows count as lost only when the whole wave has stood still for a lease: while a slow sender is still
            // claiming and sending, the rows behind it are waiting in its batch, not lost.
            var stalled = messages.All(r => now - Latest(r) >= ledger.Lease);
            requeued = await ledger.RequeueStaleAsync(messages, now, includeQueued: stalled, cancellationToken).ConfigureAwait(false);
            inFlight -= requeued.Count;
        }

        var queued = inserted.Count + requeued.Count;
        var report = new WaveQueueReport(audience.Wave, queued, inFlight, settled);
        EngineTelemetry.WavePlanned(panel.Id, audience.Wave, queued);
        if (queued == 0) return report;

        await queue.EnqueueAsync(panel.Id, audience.Wave, requeued, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Planned panel {PanelId} wave {Wave} ({Mode}): {Queued} messages queued ({Requeued} queued again: lost with a batch or claim, or of unknown outcome)",
            panel.Id, audience.Wave, mode, queued, requeued.Count);
        return report;
    }

    /// <summary>The last time anything happened to a row: queued, claimed, re-stamped, settled or sent.</summary>
    private static DateTimeOffset Latest(InvitationEntity row) => row.SentAt is { } sent && sent > row.ClaimedAt ? sent : row.ClaimedAt;
}
