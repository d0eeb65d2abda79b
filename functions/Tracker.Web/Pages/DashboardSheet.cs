using Tracker.Engine.Forms;

namespace Tracker.Web.Pages;

/// <summary>
/// The dashboard's one style block: the participant pages' sheet and the dashboard's additions. The dashboard and its
/// access pages inline it (<see cref="Components.PageShell"/>) and <see cref="DashboardResult"/> admits exactly it through
/// the dashboard's Content-Security-Policy hash. Charts are inline SVG drawn with presentation attributes, so no style
/// attribute and no external asset is needed.
/// </summary>
public static class DashboardSheet
{
    public static string Css { get; } = PageStyle.Css + Additions;

    private const string Additions = """

        main{max-width:64rem}
        h2{margin:2rem 0 .75rem}
        .table-wrap{overflow-x:auto;margin:0 0 1rem}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        caption{text-align:start;font-weight:600;padding:0 0 .5rem}
        th,td{padding:.4rem .5rem;border-bottom:1px solid #c4c4c4;text-align:start;vertical-align:top}
        thead th{border-bottom:2px solid #1b1b1b}
        .num{text-align:end}
        .timeline{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0 0 1rem}
        .timeline li{flex:1 1 9rem;border:2px solid #6b6b6b;border-radius:.5rem;padding:.5rem .75rem}
        .timeline .open{border-color:#0b57d0;background:#eaf1fd}
        .timeline .closed{background:#f1f1f1}
        .timeline strong{display:block}
        .state{font-weight:600}
        .figures{display:flex;flex-wrap:wrap;gap:1rem;padding:0;margin:0 0 1rem;list-style:none}
        .figures li{flex:1 1 8rem;border:1px solid #c4c4c4;border-radius:.5rem;padding:.5rem .75rem}
        .figures b{display:block;font-size:1.5rem}
        figure{margin:0 0 1rem}
        .chart{display:block;width:100%;height:auto;max-width:44rem}
        .model li{margin:0 0 .5rem}
        .warning{color:#b3261e;font-weight:600}

        """;
}
