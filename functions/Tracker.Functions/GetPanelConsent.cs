using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Consent;
using Tracker.Functions.Http;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/consent: every consent version's text with its hashes, and every participant's decision.</summary>
public sealed class GetPanelConsent(ConsentAdmin consent, AdminGate gate)
{
    [Function(nameof(GetPanelConsent))]
    [RequiresRole(Role.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/consent")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetPanelConsent>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var report = await consent.ReportAsync(id, cancellationToken);
        return report is null ? ApiProblem.NotFound($"Panel '{id}'") : new OkObjectResult(report);
    }
}
