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
            var schedule = panel.Schedule;
            var states = Enumerable.Range(1, schedule.Waves).Select(w => schedule.StateAt(w, now)).ToList();
            var closed = states.Count(s => s == WaveState.Closed);
            var open = states.IndexOf(WaveState.Open) + 1;
            // "ended" once every wave has closed for everyone; until the first opens, "scheduled".
            var state = closed == schedule.Waves ? "ended" : open > 0 || closed > 0 ? "running" : "scheduled";
            var members = await participants.ListAsync(panel.Id, cancellationToken).ConfigureAwait(false);
            result.Add(new PanelSummary(
                panel.Id, panel.Name, panel.CreatedAt, schedule.Waves, schedule.OpensAt(1), schedule.End, state, open, closed,
                members.Count, members.Count(m => m.Active)));
        }

        return result.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }
}
