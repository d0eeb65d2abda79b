using System.Globalization;
using System.Text;
using Tracker.Engine.Charts;
using Tracker.Engine.Forms;
using Tracker.Model.Models;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// The outcome trend on the dashboard: the same chart definition as the summary email's first chart, drawn as SVG. Its
/// description says in words what it shows; the dashboard also prints the same numbers as a table for copying.
/// </summary>
internal static class TrendChart
{
    public static string Description(DashboardData data)
    {
        var text = new StringBuilder();
        var points = Points(data).ToList();
        text.Append(CultureInfo.InvariantCulture, $"Mean {data.Outcome} per wave with 95% confidence intervals. ");
        foreach (var p in points)
        {
            text.Append(CultureInfo.InvariantCulture, $"Wave {p.Wave}: {DashboardFormat.Number(p.OutcomeMean)}");
            if (double.IsFinite(p.CiLower)) text.Append(CultureInfo.InvariantCulture, $" (95% CI {DashboardFormat.Number(p.CiLower)} to {DashboardFormat.Number(p.CiUpper)})");
            text.Append(CultureInfo.InvariantCulture, $" from {p.OutcomeN} answers at day {DashboardFormat.Number(p.MeanDays, "0.0")}. ");
        }

        if (Decay(data) is { } decay)
        {
            text.Append(CultureInfo.InvariantCulture, $"Fitted decay curve from {DashboardFormat.Number(decay.Initial!.Estimate!.Value)} towards a plateau of {DashboardFormat.Number(decay.Plateau!.Estimate!.Value)}, half-life {DashboardFormat.Number(decay.HalfLife?.Estimate ?? double.NaN, "0.0")} days.");
        }
        else
        {
            text.Append("No decay curve is drawn: the decay model did not converge on these data.");
        }

        return text.ToString();
    }

    /// <summary>
    /// The email's willingness chart (<see cref="WillingnessChart"/>) drawn as inline SVG from the stored model, with the
    /// chart's title as its accessible name and <see cref="Description"/> as its description.
    /// </summary>
    public static void Render(HtmlBuilder html, ModelDocument model, DashboardData data)
    {
        var chart = WillingnessChart.ForResearcher(model);
        html.Raw(WillingnessChart.Svg(chart, ElementId, Description(data))).Line();
    }

    /// <summary>The chart's id on the page; its title and description are <c>trend-title</c> and <c>trend-desc</c>.</summary>
    public const string ElementId = "trend";

    /// <summary>The stored model's decay curve when it converged with every parameter the curve needs.</summary>
    internal static DecayDocument? Decay(DashboardData data) =>
        data.Model?.Analysis.Decay is { Converged: true, Plateau.Estimate: not null, Initial.Estimate: not null, Rate.Estimate: not null } decay ? decay : null;

    private static IEnumerable<WaveTrend> Points(DashboardData data) =>
        data.Trend.Where(t => t.OutcomeN > 0 && double.IsFinite(t.OutcomeMean) && double.IsFinite(t.MeanDays));

}
