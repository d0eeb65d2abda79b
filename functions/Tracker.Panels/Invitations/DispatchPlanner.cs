using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracker.Panels.Configuration;
using Tracker.Panels.Panels;
using Tracker.Panels.Participants;
using Tracker.Panels.Responses;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Invitations;

/// <summary>
/// The timer's half of dispatch: works out which invitations and reminders are due, records them in the ledger as
/// queued (a whole batch per transaction) and puts them on the dispatch queue in batches, so a large wave is sent by
/// as many queue-triggered instances as Azure starts. Two planners racing each enqueue only the rows they inserted;
/// a queued row whose message was lost is planned again after the claim lease.
/// </summary>
public sealed class DispatchPlanner
{
    private readonly PanelRepository panels;
    private readonly ParticipantRepository participants;
    private readonly ResponseRepository responses;
    private readonly InvitationLedger ledger;
    private readonly TrackerStorage storage;
    private readonly IOptionsMonitor<TrackerOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<DispatchPlanner> logger;

    public DispatchPlanner(
        PanelRepository panels,
        ParticipantRepository participants,
        ResponseRepository responses,
        InvitationLedger ledger,
        TrackerStorage storage,
        IOptionsMonitor<TrackerOptions> options,
        TimeProvider clock,
        ILogger<DispatchPlanner> logger)
    {
        this.panels = panels;
        this.participants = participants;
        this.responses = responses;
        this.ledger = ledger;
        this.storage = storage;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Plans every due send of every panel; returns how many messages were queued.</summary>
    public async Task<int> PlanDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var now = clock.GetUtcNow();
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (now >= panel.Schedule.End) continue;
            var waves = panel.Schedule.OpenWavesAt(now).ToList();
            if (waves.Count == 0) continue;
            var members = await participants.ListAsync(panel.Id, cancellationToken).ConfigureAwait(false);
            foreach (var wave in waves)
            {
                var audience = await ReadAudienceAsync(panel.Id, wave, members, cancellationToken).ConfigureAwait(false);
                queued += await PlanWaveAsync(panel, audience, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return queued;
    }

    public async Task<WaveAudience> ReadAudienceAsync(string panelId, int wave, IReadOnlyList<Participant>? members, CancellationToken cancellationToken)
    {
        members ??= await participants.ListAsync(panelId, cancellationToken).ConfigureAwait(false);
        var rows = await ledger.ReadWaveAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
        var respondents = await responses.RespondentsAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
        return new WaveAudience(wave, members, rows, respondents);
    }

    private async Task<int> PlanWaveAsync(Panel panel, WaveAudience audience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = audience.Due(panel, now)
            .Select(s => ledger.NewRow(panel.Id, s.Wave, s.ParticipantId, s.Kind))
            .ToList();
        var inserted = due.Count == 0 ? [] : await ledger.EnqueueAsync(due, now, cancellationToken).ConfigureAwait(false);
        var stale = await ledger.RequeueStaleAsync(audience.Ledger.Values, now, cancellationToken).ConfigureAwait(false);
        var items = inserted.Concat(stale).Select(r => new DispatchItem(InvitationEntity.ParticipantOf(r.RowKey), r.Kind)).ToList();
        if (items.Count == 0) return 0;

        var queue = storage.Queue(StorageNames.DispatchQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var chunk in items.Chunk(Math.Max(1, options.CurrentValue.DispatchBatchSize)))
        {
            var batch = new DispatchBatch(panel.Id, audience.Wave, chunk);
            await queue.SendMessageAsync(JsonSerializer.Serialize(batch, DispatchBatchJson.Options), cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation(
            "Planned panel {PanelId} wave {Wave}: {Queued} messages queued ({Requeued} re-planned after a lost batch)",
            panel.Id, audience.Wave, items.Count, stale.Count);
        return items.Count;
    }
}
