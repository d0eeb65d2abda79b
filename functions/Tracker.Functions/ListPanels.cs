using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Panels;

namespace Tracker.Functions;

/// <summary>GET /api/panels: every panel with its state and counts, so a lost panel id can be found again.</summary>
public sealed class ListPanels(PanelDirectory directory)
{
    [Function(nameof(ListPanels))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "panels")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(new { panels = await directory.ListAsync(cancellationToken) });
}
