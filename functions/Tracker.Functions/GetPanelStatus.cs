using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Status;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/status: per wave, its state, who was invited and who answered.</summary>
public sealed class GetPanelStatus(PanelStatusService status, AdminGate gate)
{
    [Function(nameof(GetPanelStatus))]
    [RequiresRole(Role.Viewer)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/status")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetPanelStatus>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var result = await status.GetAsync(id, cancellationToken);
        return result is null ? ApiProblem.NotFound($"Panel '{id}'") : new OkObjectResult(result);
    }
}
