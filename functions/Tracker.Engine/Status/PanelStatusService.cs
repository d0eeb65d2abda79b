using Azure;
using Tracker.Engine.Email;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Status;

/// <summary>Counts per wave, read from the ledger and the responses; the response rate is responded ÷ invited.</summary>
public sealed class PanelStatusService(PanelRepository panels, ParticipantRepository participants, InvitationLedger ledger, ResponseRepository responses, TrackerStorage storage, TimeProvider clock)
{
    public async Task<PanelStatus?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;

        var now = clock.GetUtcNow();
        // Orphaned rows (no contact) are counted apart, not as active members: see PanelMembers.
        var (members, orphaned) = await participants.ListMembersAsync(panelId, cancellationToken).ConfigureAwait(false);
        var waveRows = (await panels.GetWavesAsync(panelId, cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.Number);
        var waves = await Task.WhenAll(Enumerable.Range(1, panel.Schedule.Waves).Select(async wave =>
        {
            var state = panel.Schedule.StateAt(wave, now);
            var sealedAt = waveRows.GetValueOrDefault(wave)?.SealedAt;
            var planned = members.Count(m => m.Active && !m.SkippedWaves.Contains(wave));
            if (state == WaveState.Scheduled)
            {
                return new WaveStatus(wave, Name(state), panel.Schedule.OpensAt(wave), panel.Schedule.ClosesAt(wave), 0, 0, 0, null) { Planned = planned };
            }

            var ledgerRows = await ledger.ReadWaveAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
            // Still open while a late invitation's window runs past the schedule's close.
            if (state == WaveState.Closed && now < InvitationLedger.ClosesForEveryoneAt(panel, wave, ledgerRows)) state = WaveState.Open;
            var respondents = await responses.RespondentsAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
            var partial = await responses.CountPartialAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
            var messages = ledgerRows.Values.Where(r => MessageKind.IsKnown(r.Kind)).ToList();
            var invited = messages.Count(r => r.Kind == MessageKind.Invite && r.State == LedgerEntity.Sent);
            // Once a wave is under way, everyone it already holds an invitation for stays planned — someone who left
            // after being invited must not leave "planned" below "invited" — plus the active members still to come.
            var withInvitation = messages.Where(r => r.Kind == MessageKind.Invite).Select(r => InvitationEntity.ParticipantOf(r.RowKey)).ToHashSet(StringComparer.Ordinal);
            planned = withInvitation.Count + members.Count(m => m.Active && !m.SkippedWaves.Contains(wave) && !withInvitation.Contains(m.Id));
            var failures = messages.Where(r => r.State == LedgerEntity.Failed).GroupBy(r => SmtpReplyRedactor.Redact(r.Error ?? "no reason recorded")).Select(g => new FailureReason(g.Key, g.Count())).OrderByDescending(f => f.Count).ToList();
            double? rate = invited == 0 ? null : Math.Round((double)respondents.Count / invited, 4);
            return new WaveStatus(wave, sealedAt is null ? Name(state) : "sealed", panel.Schedule.OpensAt(wave), panel.Schedule.ClosesAt(wave), invited, failures.Sum(f => f.Count), respondents.Count, rate)
            {
                Planned = planned,
                Complete = respondents.Count - partial,
                Partial = partial,
                Queued = messages.Count(r => r.State == LedgerEntity.Queued),
                Sending = messages.Count(r => r.State == LedgerEntity.Claimed),
                Sent = messages.Count(r => r.State == LedgerEntity.Sent),
                Unknown = messages.Count(r => r.State == LedgerEntity.Unknown),
                Reminded = SentTo(messages, kind => MessageKind.ReminderNumber(kind) > 0),
                Reissued = SentTo(messages, MessageKind.IsReissue),
                Opened = ledgerRows.Values.Count(r => r.Kind == InvitationLedger.OpenedKind),
                OptedOut = members.Count(m => m.SkippedWaves.Contains(wave) || m.LeftWave == wave),
                SealedAt = sealedAt,
                RespondedAfter = Attribution(messages, respondents),
                Failures = failures,
            };
        })).ConfigureAwait(false);

        return new PanelStatus(panel.Id, panel.Name, members.Count, members.Count(m => m.Active), now, waves)
        {
            State = PanelStates.Of(panel, now),
            ClosedAt = panel.ClosedAt,
            Left = members.Count(m => !m.Active),
            RemindersOff = members.Count(m => m.Active && m.RemindersOff),
            PoisonMessages = await PoisonMessagesAsync(cancellationToken).ConfigureAwait(false),
            Orphaned = orphaned,
            DataRetentionUntil = panel.DataRetentionUntil,
            DaysUntilRetention = panel.DataRetentionUntil is { } until ? DataRetention.DaysLeft(until, now) : null,
            RetentionWarning = DataRetention.Warning(panel, now),
        };
    }

    /// <summary>The poison queue's approximate length; the host creates it with the first poison message, so none yet is 0.</summary>
    private async Task<int> PoisonMessagesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await storage.Queue(StorageNames.DispatchPoisonQueue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            return properties.Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>How many participants were sent at least one message of the kinds <paramref name="ofKind"/> picks.</summary>
    private static int SentTo(List<InvitationEntity> messages, Func<string, bool> ofKind) =>
        messages.Where(r => ofKind(r.Kind) && r.State == LedgerEntity.Sent).Select(r => InvitationEntity.ParticipantOf(r.RowKey)).Distinct().Count();

    /// <summary>Credits each response to the last message sent to that participant before they first answered.</summary>
    private static List<ResponseSource> Attribution(List<InvitationEntity> messages, Dictionary<string, DateTimeOffset> respondents)
    {
        var sent = messages.Where(r => r.State == LedgerEntity.Sent && r.SentAt is not null).ToLookup(r => InvitationEntity.ParticipantOf(r.RowKey));
        var credited = respondents
            .Select(pair => sent[pair.Key].Where(m => m.SentAt <= pair.Value).OrderBy(m => m.SentAt).LastOrDefault()?.Kind)
            .Where(kind => kind is not null)
            .GroupBy(kind => kind!)
            .OrderBy(g => MessageKind.Order(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var total = credited.Sum(g => g.Count());
        return credited.Select(g => new ResponseSource(g.Key, g.Count(), Math.Round((double)g.Count() / total, 4))).ToList();
    }

    private static string Name(WaveState state) => state.ToString().ToLowerInvariant();
}
