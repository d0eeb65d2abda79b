using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;

namespace Tracker.Functions;

/// <summary>
/// POST /api/panels/{id}/waves/{n}/resend-unknown: the researcher's deliberate re-send of a wave's messages whose
/// outcome is unknown (the connection was lost after the server had the whole message). Each goes out once more through
/// the queue; its recipient may then hold two copies with the same Message-ID. Answers 202 with how many were queued.
/// </summary>
public sealed class ResendUnknown(PanelService panels, DispatchPlanner planner, TimeProvider clock)
{
    [Function(nameof(ResendUnknown))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "panels/{id}/waves/{n:int}/resend-unknown")] HttpRequest request,
        string id,
        int n,
        CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        if (n < 1 || n > panel.Schedule.Waves) return ApiProblem.Of(404, $"Panel '{id}' has waves 1 to {panel.Schedule.Waves}; there is no wave {n}.");
        if (panel.Schedule.StateAt(n, clock.GetUtcNow()) == WaveState.Closed) return ApiProblem.Of(409, $"Wave {n} closed at {panel.Schedule.ClosesAt(n):O}; its links no longer work.");

        var queued = await planner.ResendUnknownAsync(panel, n, cancellationToken);
        var status = $"/api/panels/{panel.Id}/status";
        return new AcceptedResult(status, new { wave = n, queued, status });
    }
}
