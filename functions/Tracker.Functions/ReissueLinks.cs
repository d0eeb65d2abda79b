using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Functions.Http;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// POST /api/panels/{id}/waves/{n}/reissue-links[?includeResponded=true]: after a leaked key was replaced and removed,
/// queues for the open wave one fresh invitation signed with the active key to each invited participant still in it
/// (by default only those who have not answered), at most once per participant, wave and key. Answers 202 at once.
/// </summary>
public sealed class ReissueLinks(PanelService panels, DispatchPlanner planner, TimeProvider clock, AdminGate gate)
{
    [Function(nameof(ReissueLinks))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/waves/{n:int}/reissue-links")] HttpRequest request,
        string id,
        int n,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ReissueLinks>(request, AdminTarget.OfWave(id, n)) is { } refused) return refused;
        var includeResponded = request.Query["includeResponded"].ToString();
        if (includeResponded is not ("" or "true" or "false")) return ApiProblem.Of(400, "includeResponded: must be true or false.");

        var (panel, problem) = await WaveSendRequest.OpenWaveAsync(panels, clock, id, n, refuseScheduled: true, cancellationToken);
        if (problem is not null) return problem;
        var report = await planner.ReissueAsync(panel!, n, includeResponded == "true", cancellationToken);
        return new AcceptedResult(WaveSendRequest.StatusRoute(id), new { wave = n, keyId = report.KeyId, queued = report.Queued, alreadyReissued = report.AlreadyReissued });
    }
}
