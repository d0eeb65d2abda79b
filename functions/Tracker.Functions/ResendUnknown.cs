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
/// POST /api/panels/{id}/waves/{n}/resend-unknown: the researcher's deliberate re-send of a wave's messages whose
/// outcome is unknown (the connection was lost after the server had the whole message). Each goes out once more through
/// the queue; its recipient may then hold two copies with the same Message-ID. Answers 202 with how many were queued.
/// </summary>
public sealed class ResendUnknown(PanelService panels, DispatchPlanner planner, TimeProvider clock, AdminGate gate)
{
    [Function(nameof(ResendUnknown))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/waves/{n:int}/resend-unknown")] HttpRequest request,
        string id,
        int n,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ResendUnknown>(request, AdminTarget.OfWave(id, n)) is { } refused) return refused;
        var (report, problem) = await WaveSendRequest.QueueAsync(panels, planner, clock, id, n, WaveSendMode.ResendUnknown, cancellationToken);
        if (problem is not null) return problem;
        var status = WaveSendRequest.StatusRoute(id);
        return new AcceptedResult(status, new { wave = n, queued = report!.Queued, status });
    }
}
