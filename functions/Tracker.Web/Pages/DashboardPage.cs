using Tracker.Engine.Dashboard;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>
/// The researcher's dashboard as HTML: the engine gathers <see cref="DashboardData"/> (counts, the stored model, the
/// chart's SVG from the one chart definition) and <see cref="DashboardView"/> lays it out. Served by
/// <see cref="DashboardResult"/>, whose Content-Security-Policy admits exactly <see cref="DashboardSheet.Css"/>.
/// </summary>
public static class DashboardPage
{
    public static string Render(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return PageRenderer.Render<DashboardView>(new() { ["Data"] = data });
    }
}
