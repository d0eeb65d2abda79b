using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Plans;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/plan[?sends=false]: the dry run — every send the current schedule will make, and what became of those already due.</summary>
public sealed class GetPanelPlan(SendPlanService plans, AdminGate gate)
{
    [Function(nameof(GetPanelPlan))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/plan")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetPanelPlan>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var withSends = request.Query["sends"].ToString();
        if (withSends is not ("" or "true" or "false")) return ApiProblem.Of(400, "sends: must be true or false.");
        var plan = await plans.GetAsync(id, cancellationToken);
        if (plan is null) return ApiProblem.NotFound($"Panel '{id}'");
        return new OkObjectResult(withSends == "false" ? plan with { Sends = [] } : plan);
    }
}
