using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Panels.Dashboard;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/dashboard: the researcher's one-page view of a running panel.</summary>
public sealed class ShowDashboard(DashboardService dashboards)
{
    [Function(nameof(ShowDashboard))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "panels/{id}/dashboard")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var data = await dashboards.GetAsync(id, cancellationToken);
        return data is null ? ApiProblem.NotFound($"Panel '{id}'") : new DashboardResult(200, DashboardPage.Render(data));
    }
}
