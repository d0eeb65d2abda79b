using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Tracker.Functions.Http;
using Tracker.Engine.Configuration;
using Tracker.Engine.Dashboard;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>POST /api/panels/{id}/dashboard-link: a dashboard URL that works for a few minutes, so no key goes into a browser.</summary>
public sealed class CreateDashboardLink(PanelService panels, DashboardAccess access, IOptionsMonitor<TrackerOptions> tracker, AdminGate gate)
{
    [Function(nameof(CreateDashboardLink))]
    [RequiresRole(Role.Viewer)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/dashboard-link")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<CreateDashboardLink>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        if (await panels.GetAsync(id, cancellationToken) is null) return ApiProblem.NotFound($"Panel '{id}'");
        var (token, expiresAt) = access.MintLink(id);
        var url = $"{tracker.CurrentValue.PublicBaseUrl.TrimEnd('/')}/api/panels/{Uri.EscapeDataString(id)}/dashboard/open?link={Uri.EscapeDataString(token)}";
        return new OkObjectResult(new { url, expiresAt });
    }
}
