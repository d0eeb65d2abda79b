using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;

namespace Tracker.Functions;

/// <summary>
/// POST /api/panels/{id}/waves/{n}/dispatch: queue what is due for an open wave now, through the timer's own planner,
/// and answer 202 at once; the queue function sends (a large wave takes far longer than an HTTP request may), and the
/// panel's status shows the progress.
/// </summary>
public sealed class DispatchWaveNow(PanelService panels, DispatchPlanner planner, TimeProvider clock)
{
    [Function(nameof(DispatchWaveNow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "panels/{id}/waves/{n:int}/dispatch")] HttpRequest request,
        string id,
        int n,
        CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        if (n < 1 || n > panel.Schedule.Waves) return ApiProblem.Of(404, $"Panel '{id}' has waves 1 to {panel.Schedule.Waves}; there is no wave {n}.");

        var state = panel.Schedule.StateAt(n, clock.GetUtcNow());
        if (state == WaveState.Scheduled) return ApiProblem.Of(409, $"Wave {n} opens at {panel.Schedule.OpensAt(n):O}; its links would not work before then.");
        if (state == WaveState.Closed) return ApiProblem.Of(409, $"Wave {n} closed at {panel.Schedule.ClosesAt(n):O}.");

        var queued = await planner.PlanWaveNowAsync(panel, n, cancellationToken);
        var status = $"/api/panels/{panel.Id}/status";
        return new AcceptedResult(status, new { wave = n, queued = queued.Queued, inFlight = queued.InFlight, settled = queued.Settled, status });
    }
}
