using Tracker.Engine.Participants;

namespace Tracker.Engine.Panels;

/// <summary>Every panel of the app with its state and counts, newest first.</summary>
public sealed class PanelDirectory(PanelRepository panels, ParticipantRepository participants, TimeProvider clock)
{
    public async Task<IReadOnlyList<PanelSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = new List<PanelSummary>();
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(await SummaryOfAsync(panel, now, cancellationToken).ConfigureAwait(false));
        }

        return result.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>One panel's row of the list, or null when there is no such panel.</summary>
    public async Task<PanelSummary?> FindAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        return panel is null ? null : await SummaryOfAsync(panel, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<PanelSummary> SummaryOfAsync(Panel panel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = panel.Schedule;
        var states = Enumerable.Range(1, schedule.Waves).Select(w => schedule.StateAt(w, now)).ToList();
        var members = await participants.ListAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        return new PanelSummary(
            panel.Id, panel.Name, panel.CreatedAt, schedule.Waves, schedule.OpensAt(1), schedule.End, PanelStates.Of(panel, now),
            states.IndexOf(WaveState.Open) + 1, states.Count(s => s == WaveState.Closed), members.Count, members.Count(m => m.Active))
        {
            ClosedAt = panel.ClosedAt,
        };
    }
}
