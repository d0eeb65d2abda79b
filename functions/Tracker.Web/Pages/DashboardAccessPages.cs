using Tracker.Engine.Dashboard;
using Tracker.Engine.Forms;

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
        new(200, Page("Opening the dashboard", html => html
            .Open("meta", ("http-equiv", "refresh"), ("content", "0; url=" + dashboardPath)).Line(),
            html => html.Raw("<p>").Open("a", ("href", dashboardPath)).Text("Open the dashboard").Close("a").Raw("</p>").Line()));

    /// <summary>401: no valid session for this panel (none, forged, expired, or another panel's).</summary>
    public static DashboardResult SignInRequired(string panelId) =>
        new(401, Page("Open the dashboard with a fresh link", null, html => PageLayout.Paragraphs(html,
            $"This dashboard opens from a short-lived link, not from a key in its address. Get one with your function key (POST /api/panels/{panelId}/dashboard-link, the key in the x-functions-key header) and open the URL it returns within {DashboardAccess.LinkLifetime.TotalMinutes:0} minutes.")));

    /// <summary>403: a dashboard link that is forged, expired or for another panel.</summary>
    public static DashboardResult LinkRefused(string panelId) =>
        new(403, Page("This dashboard link does not work", null, html => PageLayout.Paragraphs(html,
            $"Dashboard links work for {DashboardAccess.LinkLifetime.TotalMinutes:0} minutes and for one panel. Get a new one with POST /api/panels/{panelId}/dashboard-link.")));

    private static string Page(string title, Action<HtmlBuilder>? head, Action<HtmlBuilder> body)
    {
        var html = new HtmlBuilder();
        html.Raw("<!doctype html>").Line()
            .Open("html", ("lang", "en")).Line()
            .Raw("<head>").Line()
            .Raw("<meta charset=\"utf-8\">").Line()
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">").Line()
            .Raw("<meta name=\"robots\" content=\"noindex, nofollow\">").Line();
        head?.Invoke(html);
        html.Element("title", title).Line()
            .Raw("<style>").Raw(DashboardSheet.Css).Raw("</style>").Line()
            .Raw("</head>").Line()
            .Raw("<body>").Line()
            .Raw("<main>").Line()
            .Element("h1", title).Line();
        body(html);
        html.Raw("</main>").Line().Raw("</body>").Line().Raw("</html>").Line();
        return html.ToString();
    }
}
