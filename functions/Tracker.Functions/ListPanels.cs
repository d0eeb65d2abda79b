using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels: every panel with its state and counts, so a lost panel id can be found again.</summary>
public sealed class ListPanels(PanelDirectory directory, AdminGate gate)
{
    [Function(nameof(ListPanels))]
    [RequiresRole(Role.Viewer)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ListPanels>(request, AdminTarget.None) is { } refused) return refused;
        return new OkObjectResult(new { panels = await directory.ListAsync(cancellationToken) });
    }
}
