using Tracker.Panels.Invitations;
using Tracker.Panels.Panels;
using Tracker.Panels.Participants;
using Tracker.Panels.Responses;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Status;

/// <summary>Counts per wave, read from the ledger and the responses; the response rate is responded ÷ invited.</summary>
public sealed class PanelStatusService
{
    private readonly PanelRepository panels;
    private readonly ParticipantRepository participants;
    private readonly InvitationLedger ledger;
    private readonly ResponseRepository responses;
    private readonly TimeProvider clock;

    public PanelStatusService(PanelRepository panels, ParticipantRepository participants, InvitationLedger ledger, ResponseRepository responses, TimeProvider clock)
    {
        this.panels = panels;
        this.participants = participants;
        this.ledger = ledger;
        this.responses = responses;
        this.clock = clock;
    }

    public async Task<PanelStatus?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;

        var now = clock.GetUtcNow();
        var members = await participants.ListAsync(panelId, cancellationToken).ConfigureAwait(false);
        var waves = await Task.WhenAll(Enumerable.Range(1, panel.Schedule.Waves).Select(async wave =>
        {
            var state = panel.Schedule.StateAt(wave, now);
            if (state == WaveState.Scheduled)
            {
                return new WaveStatus(wave, Name(state), panel.Schedule.OpensAt(wave), panel.Schedule.ClosesAt(wave), 0, 0, 0, null);
            }

            var rows = await ledger.ReadWaveAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
            var invites = rows.Values.Where(r => r.Kind == MessageKind.Invite).ToList();
            var invited = invites.Count(r => r.State == InvitationEntity.Sent);
            var failed = invites.Count(r => r.State == InvitationEntity.Failed);
            var responded = await responses.CountAsync(panelId, wave, cancellationToken).ConfigureAwait(false);
            double? rate = invited == 0 ? null : Math.Round((double)responded / invited, 4);
            return new WaveStatus(wave, Name(state), panel.Schedule.OpensAt(wave), panel.Schedule.ClosesAt(wave), invited, failed, responded, rate);
        })).ConfigureAwait(false);

        return new PanelStatus(panel.Id, panel.Name, members.Count, members.Count(m => m.Active), now, waves);
    }

    private static string Name(WaveState state) => state.ToString().ToLowerInvariant();
}
