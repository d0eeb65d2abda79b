using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Dashboard;
using Tracker.Web.Pages;
using Tracker.Web.Security;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>
/// GET /api/panels/{id}/dashboard/open?link=…: swaps a dashboard link for an HttpOnly, SameSite=Strict session cookie
/// scoped to that panel's dashboard, then moves on to the dashboard. Anonymous: the signed link is the credential.
/// </summary>
public sealed class OpenDashboard(DashboardAccess access, PublicRateLimiter limiter, IOptionsMonitor<TrackerOptions> tracker)
{
    [Function(nameof(OpenDashboard))]
    [PublicRoute("the signed dashboard link")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/dashboard/open")] HttpRequest request,
        string id)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        if (!access.Verify(request.Query["link"].FirstOrDefault(), DashboardTokenKind.Link, id)) return DashboardAccessPages.LinkRefused(id);

        var dashboardPath = $"{request.PathBase}{request.Path}"[..^"/open".Length];
        var (session, expiresAt) = access.MintSession(id);
        request.HttpContext.Response.Cookies.Append(DashboardAccess.CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Secure whenever the app is reached over https (always in Azure); a local http stack could not send it back otherwise.
            Secure = request.IsHttps || tracker.CurrentValue.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
            Path = dashboardPath,
            Expires = expiresAt,
        });
        return DashboardAccessPages.Opening(dashboardPath);
    }
}
