using System.Text;
using Tracker.Engine.Charts;
using Tracker.Engine.Email;
using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Suppression;
using Tracker.Model.Time;
using static Tracker.Model.Findings.Numbers;

namespace Tracker.Engine.Summaries;

/// <summary>
/// Composes the stakeholder email from a stored model: findings, the three charts, and a per-wave table, in HTML
/// (one column, images at screen width, readable on a phone; rendered by <see cref="IEmailBodyRenderer"/>) and plain text. Aggregates only; suppressed cells say so.
/// </summary>
public static class SummaryComposer
{
    /// <param name="unsubscribe">How to stop receiving summaries, in words; used when there is no <paramref name="unsubscribeUrl"/>.</param>
    /// <param name="unsubscribeUrl">The recipient's unsubscribe link, shown as a link in the footer of both parts.</param>
    public static SummaryEmail Compose(IEmailBodyRenderer bodies, ModelDocument model, string period, ImageMode mode = ImageMode.ContentId, string? unsubscribe = null, string? unsubscribeUrl = null)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(model);
        var data = new SummaryData(model);
        var findings = FindingsWriter.Write(data);
        var charts = new[] { WillingnessChart.Build(data), ResponseChart.Build(data), ConstructChart.Build(data) };
        var images = charts.Select(c => new InlineImage($"{c.Id}.{model.PanelId}@tracker", $"{c.Id}.png", c.AltText, c.Png)).ToList();
        var subject = $"{model.PanelName}: trend summary, {period}";
        return new SummaryEmail(subject, bodies.Summary(Body(data, subject, period, findings, charts, images, mode, unsubscribe, unsubscribeUrl)), Text(data, period, findings, charts, unsubscribe, unsubscribeUrl), images, findings, charts);
    }

    private static SummaryBody Body(SummaryData data, string subject, string period, IReadOnlyList<Finding> findings, IReadOnlyList<RenderedChart> charts, IReadOnlyList<InlineImage> images, ImageMode mode, string? unsubscribe, string? unsubscribeUrl) => new(
        subject,
        data.Model.PanelName,
        Introduction(data, period),
        findings.Select(f => f.Text).ToList(),
        charts.Zip(images, (chart, image) => new SummaryChartImage(
            chart.Id,
            chart.Title,
            mode == ImageMode.ContentId ? $"cid:{image.ContentId}" : $"data:image/png;base64,{Convert.ToBase64String(image.Png)}",
            chart.AltText,
            chart.Width)).ToList(),
        TableRows(data).ToList(),
        $"{ModelTimeAxis.Sentence()} Intervals are 95% confidence intervals. Models fitted {data.Model.FittedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC.",
        unsubscribeUrl is null ? Footer(unsubscribe) : $"{Stakeholder}To stop receiving it, ",
        unsubscribeUrl);

    private static string Introduction(SummaryData data, string period) =>
        $"Trend summary, {period}. Aggregates only: any figure from fewer than {Count(data.Suppression.Minimum)} responses is suppressed.";

    private static string Text(SummaryData data, string period, IReadOnlyList<Finding> findings, IReadOnlyList<RenderedChart> charts, string? unsubscribe, string? unsubscribeUrl)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{data.Model.PanelName}\n{Introduction(data, period)}\n\nWhat the models say\n\n");
        foreach (var finding in findings) text.Append("* ").Append(finding.Text).Append('\n');
        text.Append("\nCharts (attached as images)\n\n");
        foreach (var chart in charts) text.Append("* ").Append(chart.AltText).Append('\n');
        text.Append("\nPer wave (wave | answered | response rate | mean, 95% CI)\n\n");
        foreach (var row in TableRows(data)) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{row.Wave} | {row.Answered} | {row.Rate} | {row.Mean}\n");
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n{ModelTimeAxis.Sentence()}\n\n{(unsubscribeUrl is null ? Footer(unsubscribe) : $"{Stakeholder}To stop receiving it, unsubscribe at {unsubscribeUrl}")}\n");
        return text.ToString();
    }

    private static IEnumerable<SummaryTableRow> TableRows(SummaryData data)
    {
        foreach (var cell in data.Waves)
        {
            var hidden = cell.ResponsesSuppressed || !data.ModelsShown;
            var answered = hidden ? $"fewer than {Count(data.Suppression.Minimum)}" : Count(cell.Row.Responded);
            var rate = hidden ? "suppressed" : cell.ResponseRate is { } r ? Percent(r) : "no invitations";
            var mean = cell.Outcome is { } o && data.ModelsShown
                ? $"{Fixed(o.Mean!.Value, 2)} ({(o.CiLower is { } l && o.CiUpper is { } u ? $"{Fixed(l, 2)} to {Fixed(u, 2)}" : "no interval")})"
                : cell.OutcomeSuppressed || hidden ? "suppressed" : "no answers";
            yield return new SummaryTableRow($"{Count(cell.Row.Wave)} ({cell.Row.State})", answered, rate, mean);
        }
    }

    private const string Stakeholder = "You receive this summary because you are listed as a stakeholder of this panel. ";

    private static string Footer(string? unsubscribe) =>
        Stakeholder
        + (unsubscribe is null ? "Ask the research team to remove you to stop receiving it." : $"To stop receiving it: {unsubscribe}");
}
