using Tracker.Engine.Forms;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// The dashboard's one style block: the participant pages' sheet and the dashboard's additions. The dashboard page
/// inlines it and the web side admits exactly it through the dashboard's Content-Security-Policy hash.
/// </summary>
public static class DashboardSheet
{
    public static string Css { get; } = PageStyle.Css + DashboardStyle.Css;
}
