using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// POST /api/panels/{id}/waves/{n}/dispatch: queue what is due for an open wave now, through the timer's own planner,
/// and answer 202 at once; the queue function sends (a large wave takes far longer than an HTTP request may), and the
/// panel's status shows the progress.
/// </summary>
public sealed class DispatchWaveNow(PanelService panels, DispatchPlanner planner, TimeProvider clock, AdminGate gate)
{
    [Function(nameof(DispatchWaveNow))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/waves/{n:int}/dispatch")] HttpRequest request,
        string id,
        int n,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<DispatchWaveNow>(request, AdminTarget.OfWave(id, n)) is { } refused) return refused;
        var (report, problem) = await WaveSendRequest.QueueAsync(panels, planner, clock, id, n, WaveSendMode.Due, cancellationToken);
        if (problem is not null) return problem;
        AdminActivity.Of(request)?.Note("queued", report!.Queued);
        var status = WaveSendRequest.StatusRoute(id);
        return new AcceptedResult(status, new { wave = n, queued = report!.Queued, inFlight = report.InFlight, settled = report.Settled, status });
    }
}
