using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Dashboard;
using Tracker.Web.Pages;
using Tracker.Web.Security;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// GET /api/panels/{id}/dashboard: the researcher's one-page view of a running panel. Anonymous to the host because a
/// browser holds no key: the session cookie set by <see cref="OpenDashboard"/> for this panel is the credential, or a
/// sign-in with at least the viewer role.
/// </summary>
public sealed class ShowDashboard(DashboardService dashboards, DashboardAccess access, PublicRateLimiter limiter, AdminGate gate, IOptionsMonitor<AuthOptions> auth)
{
    [Function(nameof(ShowDashboard))]
    [PublicRoute("the dashboard session cookie, or a sign-in with the viewer role")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/dashboard")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        // Two ways in: the session cookie a dashboard link set, or a sign-in (Entra ID, or the local development one) with a role.
        if (!access.Verify(request.Cookies[DashboardAccess.CookieName], DashboardTokenKind.Session, id) && !gate.SignedInWith(request, Role.Viewer))
        {
            var settings = auth.CurrentValue;
            return DashboardAccessPages.SignInRequired(id, settings.TrustPlatformPrincipal ? settings.SignInPath : null);
        }

        var data = await dashboards.GetAsync(id, cancellationToken);
        return data is null ? ApiProblem.NotFound($"Panel '{id}'") : new DashboardResult(200, DashboardPage.Render(data));
    }
}
