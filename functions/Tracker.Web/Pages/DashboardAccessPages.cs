using Tracker.Engine.Dashboard;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>The small pages around the dashboard: the hand-over after a link is opened, and the refusals.</summary>
public static class DashboardAccessPages
{
    /// <summary>
    /// 200 after a link was opened and the cookie set. The page moves on to the dashboard itself, so the link leaves the
    /// address bar; a same-origin page starts that navigation, which lets a SameSite=Strict cookie go with it even when the
    /// link was followed from another site (a redirect would carry the other site's context and lose the cookie).
    /// </summary>
    public static DashboardResult Opening(string dashboardPath) =>
        new(200, Page("Opening the dashboard", null, dashboardPath));

    /// <summary>
    /// 401: no valid session for this panel (none, forged, expired, or another panel's) and no sign-in with a role. Where
    /// people can sign in (<paramref name="signInPath"/>), the page offers it, coming back to the dashboard.
    /// </summary>
    public static DashboardResult SignInRequired(string panelId, string? signInPath = null)
    {
        var viaLink = $"get a short-lived link with your function key (POST /api/panels/{panelId}/dashboard-link, the key in the x-functions-key header) and open the URL it returns within {DashboardAccess.LinkLifetime.TotalMinutes:0} minutes.";
        var signIn = signInPath is null ? null : $"{signInPath}?post_login_redirect_uri={Uri.EscapeDataString($"/api/panels/{panelId}/dashboard")}";
        return signIn is null
            ? new(401, Page("Open the dashboard with a fresh link", "This dashboard opens from a short-lived link, not from a key in its address. To get one, " + viaLink))
            : new(401, Page("Sign in to see this dashboard", "Sign in with an account that holds a Tracker role (viewer or above) for this app. Without one, " + viaLink, signInPath: signIn));
    }

    /// <summary>403: a dashboard link that is forged, expired or for another panel.</summary>
    public static DashboardResult LinkRefused(string panelId) =>
        new(403, Page("This dashboard link does not work",
            $"Dashboard links work for {DashboardAccess.LinkLifetime.TotalMinutes:0} minutes and for one panel. Get a new one with POST /api/panels/{panelId}/dashboard-link."));

    private static string Page(string title, string? message, string? openPath = null, string? signInPath = null) =>
        PageRenderer.Render<DashboardAccessView>(new() { ["Title"] = title, ["Message"] = message, ["OpenPath"] = openPath, ["SignInPath"] = signInPath });
}
