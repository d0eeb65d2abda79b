using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/model: the latest stored willingness model, exactly as stored.</summary>
public sealed class GetPanelModel(PanelService panels, ModelStore models, AdminGate gate)
{
    [Function(nameof(GetPanelModel))]
    [RequiresRole(Role.Analyst)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/model")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetPanelModel>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        if (await panels.GetAsync(id, cancellationToken) is null) return ApiProblem.NotFound($"Panel '{id}'");
        var json = await models.GetLatestJsonAsync(id, cancellationToken);
        return json is null
            ? ApiProblem.Of(404, $"Panel '{id}' has no fitted model yet: the FitWillingnessModel timer fits one once the panel has responses.")
            : new ContentResult { Content = json, ContentType = "application/json; charset=utf-8", StatusCode = 200 };
    }
}
