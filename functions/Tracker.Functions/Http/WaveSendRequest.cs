using Microsoft.AspNetCore.Mvc;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;

namespace Tracker.Functions.Http;

/// <summary>
/// The one path behind the wave routes that queue sends (<c>…/dispatch</c>, <c>…/resend-unknown</c>,
/// <c>…/reissue-links</c>): the panel and wave looked up and checked, then the planner. Each route keeps its own answer.
/// </summary>
public static class WaveSendRequest
{
    /// <summary>The planner's report, or the problem to answer: 404 for no such panel or wave, 409 for a closed panel or a wave whose links cannot work.</summary>
    public static async Task<(WaveQueueReport? Report, IActionResult? Problem)> QueueAsync(PanelService panels, DispatchPlanner planner, TimeProvider clock, string id, int n, WaveSendMode mode, CancellationToken cancellationToken)
    {
        // A wave not open yet has nothing of unknown outcome, so only a dispatch needs refusing there.
        var (panel, problem) = await OpenWaveAsync(panels, clock, id, n, refuseScheduled: mode == WaveSendMode.Due, cancellationToken);
        if (problem is not null) return (null, problem);
        return (await planner.QueueWaveAsync(panel!, n, mode, cancellationToken), null);
    }

    /// <summary>The panel, or the problem to answer: 404 for no such panel or wave, 409 for a wave closed (or, when <paramref name="refuseScheduled"/>, not yet open).</summary>
    public static async Task<(Panel? Panel, IActionResult? Problem)> OpenWaveAsync(PanelService panels, TimeProvider clock, string id, int n, bool refuseScheduled, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return (null, ApiProblem.NotFound($"Panel '{id}'"));
        if (panel.IsClosed) return (null, ApiProblem.Of(409, $"Panel '{id}' is closed (since {panel.ClosedAt:O}): nothing more is sent."));
        if (n < 1 || n > panel.Schedule.Waves) return (null, ApiProblem.Of(404, $"Panel '{id}' has waves 1 to {panel.Schedule.Waves}; there is no wave {n}."));

        var state = panel.Schedule.StateAt(n, clock.GetUtcNow());
        if (state == WaveState.Scheduled && refuseScheduled) return (null, ApiProblem.Of(409, $"Wave {n} opens at {panel.Schedule.OpensAt(n):O}; its links would not work before then."));
        if (state == WaveState.Closed) return (null, ApiProblem.Of(409, $"Wave {n} closed at {panel.Schedule.ClosesAt(n):O}; its links no longer work."));
        return (panel, null);
    }

    public static string StatusRoute(string panelId) => $"/api/panels/{panelId}/status";
}
