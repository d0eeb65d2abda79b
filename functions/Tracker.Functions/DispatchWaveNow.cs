using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Panels.Invitations;
using Tracker.Panels.Panels;

namespace Tracker.Functions;

/// <summary>POST /api/panels/{id}/waves/{n}/dispatch: send an open wave's invitations now, through the timer's own code.</summary>
public sealed class DispatchWaveNow(PanelService panels, WaveDispatcher dispatcher, TimeProvider clock)
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

        var report = await dispatcher.DispatchWaveAsync(panel, n, cancellationToken);
        return new OkObjectResult(new { wave = n, sent = report.Sent, alreadyHandled = report.AlreadyHandled, failed = report.Failed, deferred = report.Deferred });
    }
}
