using Tracker.Engine.Email;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Plans;

/// <summary>
/// The dry run behind <c>GET /api/panels/{id}/plan</c> and <c>tracker plan</c>: every invitation and reminder the
/// current schedule makes, from the same <see cref="SendPlan"/> the dispatcher uses, next to what the ledger says happened,
/// and every reissued link the ledger holds.
/// </summary>
public sealed class SendPlanService(PanelRepository panels, ParticipantRepository participants, ResponseRepository responses, InvitationLedger ledger, TimeProvider clock)
{
    public async Task<PanelPlan?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        var now = clock.GetUtcNow();
        // Orphaned rows (no contact) are not planned: nothing can be sent to them (PanelMembers).
        var members = (await participants.ListMembersAsync(panel.Id, cancellationToken).ConfigureAwait(false)).Members
            .Where(p => p.Active || p.LeftWave is not null)
            .ToList();

        // Each participant's plan once (time-zone arithmetic for every wave and reminder), not once per wave.
        var planned = members.ToDictionary(p => p.Id, p => SendPlan.For(panel, p).ToLookup(s => s.Wave), StringComparer.Ordinal);
        var sends = new List<PlanEntry>();
        var waves = new List<PlanWave>();
        for (var wave = 1; wave <= panel.Schedule.Waves; wave++)
        {
            var rows = await ledger.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false);
            var respondents = await responses.RespondentsAsync(panel.Id, wave, cancellationToken, completeOnly: true).ConfigureAwait(false);
            var entries = members
                .SelectMany(p => planned[p.Id][wave].Select(s => Entry(s, p, rows, respondents.ContainsKey(p.Id), now)))
                .Concat(Reissues(panel, wave, members, rows))
                .ToList();
            sends.AddRange(entries);
            waves.Add(new PlanWave(
                wave,
                entries.Count == 0 ? null : entries.Min(e => e.DueAt),
                entries.Count == 0 ? null : entries.Max(e => e.DueAt),
                entries.GroupBy(e => e.Kind).ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyDictionary<string, int>)g.GroupBy(e => e.State).ToDictionary(s => s.Key, s => s.Count()))));
        }

        return new PanelPlan(panel.Id, now, waves, sends);
    }

    /// <summary>
    /// The reissued links of the wave as the ledger holds them: no schedule makes them (a researcher asks for them after
    /// a key change), so they are listed from their rows, due when they were queued or sent.
    /// </summary>
    private static IEnumerable<PlanEntry> Reissues(Panel panel, int wave, List<Participant> members, Dictionary<string, InvitationEntity> rows)
    {
        var byId = members.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return rows.Values
            .Where(r => MessageKind.IsReissue(r.Kind) && byId.ContainsKey(InvitationEntity.ParticipantOf(r.RowKey)))
            .Select(r => new PlanEntry(
                InvitationEntity.ParticipantOf(r.RowKey), wave, r.Kind, r.SentAt ?? r.ClaimedAt,
                byId[InvitationEntity.ParticipantOf(r.RowKey)].ScheduleIn(panel).ClosesAt(wave), r.State, r.Error is null ? null : SmtpReplyRedactor.Redact(r.Error)));
    }

    private static PlanEntry Entry(PlannedSend planned, Participant participant, IReadOnlyDictionary<string, InvitationEntity> rows, bool responded, DateTimeOffset now)
    {
        // A late invitation moved the participant's window and reminders: show them where the sender will put them.
        var send = planned;
        if (rows.TryGetValue(InvitationEntity.Row(planned.ParticipantId, MessageKind.Invite), out var invitation) && invitation.ClosesAt is { } closes && closes > planned.ClosesAt)
        {
            send = planned.Kind == MessageKind.Invite
                ? planned with { ClosesAt = closes }
                : planned with { DueAt = planned.DueAt + (closes - planned.ClosesAt), ClosesAt = closes };
        }

        if (rows.TryGetValue(InvitationEntity.Row(send.ParticipantId, send.Kind), out var row))
        {
            return new PlanEntry(send.ParticipantId, send.Wave, send.Kind, send.DueAt, send.ClosesAt, row.State, row.Error is null ? null : SmtpReplyRedactor.Redact(row.Error));
        }

        if (SendPlan.Cancellation(participant, send.Wave, send.Kind, responded) is { } reason) return new PlanEntry(send.ParticipantId, send.Wave, send.Kind, send.DueAt, send.ClosesAt, PlanStates.Cancelled, reason);
        if (now < send.DueAt) return new PlanEntry(send.ParticipantId, send.Wave, send.Kind, send.DueAt, send.ClosesAt, PlanStates.Planned, null);
        if (now >= send.ClosesAt) return new PlanEntry(send.ParticipantId, send.Wave, send.Kind, send.DueAt, send.ClosesAt, PlanStates.Missed, null);
        return new PlanEntry(send.ParticipantId, send.Wave, send.Kind, send.DueAt, send.ClosesAt, PlanStates.Due, null);
    }
}
