using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// POST /api/panels/{id}/close: the study's end. Nothing more is sent, the participant links answer "this study has
/// ended", and the data stay for exports and the model. Repeating it answers the same.
/// </summary>
public sealed class ClosePanel(PanelService panels, AdminGate gate)
{
    [Function(nameof(ClosePanel))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/close")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ClosePanel>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var panel = await panels.CloseAsync(id, cancellationToken);
        return panel is null ? ApiProblem.NotFound($"Panel '{id}'") : new OkObjectResult(new { id = panel.Id, state = PanelStates.Closed, closedAt = panel.ClosedAt });
    }
}
