using System.Net;
using System.Text;
using Tracker.Engine.Charts;
using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Suppression;
using Tracker.Model.Time;
using static Tracker.Model.Findings.Numbers;

namespace Tracker.Engine.Summaries;

/// <summary>
/// Composes the stakeholder email from a stored model: findings, the three charts, and a per-wave table, in HTML
/// (one column, images at screen width, readable on a phone) and plain text. Aggregates only; suppressed cells say so.
/// </summary>
public static class SummaryComposer
{
    /// <param name="unsubscribe">How to stop receiving summaries, in words; used when there is no <paramref name="unsubscribeUrl"/>.</param>
    /// <param name="unsubscribeUrl">The recipient's unsubscribe link, shown as a link in the footer of both parts.</param>
    public static SummaryEmail Compose(ModelDocument model, string period, ImageMode mode = ImageMode.ContentId, string? unsubscribe = null, string? unsubscribeUrl = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var data = new SummaryData(model);
        var findings = FindingsWriter.Write(data);
        var charts = new[] { WillingnessChart.Build(data), ResponseChart.Build(data), ConstructChart.Build(data) };
        var images = charts.Select(c => new InlineImage($"{c.Id}.{model.PanelId}@tracker", $"{c.Id}.png", c.AltText, c.Png)).ToList();
        var subject = $"{model.PanelName}: trend summary, {period}";
        return new SummaryEmail(subject, Html(data, subject, period, findings, charts, images, mode, unsubscribe, unsubscribeUrl), Text(data, period, findings, charts, unsubscribe, unsubscribeUrl), images, findings, charts);
    }

    private static string Html(SummaryData data, string subject, string period, IReadOnlyList<Finding> findings, IReadOnlyList<RenderedChart> charts, IReadOnlyList<InlineImage> images, ImageMode mode, string? unsubscribe, string? unsubscribeUrl)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(subject)}</title></head>
            <body style="font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40rem; margin: 0 auto; padding: 1rem;">
            <h1 style="font-size: 1.4rem; margin: 0 0 0.5rem;">{E(data.Model.PanelName)}</h1>
            <p style="margin: 0 0 1rem; color: #444;">Trend summary, {E(period)}. Aggregates only: any figure from fewer than {Count(data.Suppression.Minimum)} responses is suppressed.</p>
            <h2 style="font-size: 1.15rem;">What the models say</h2>
            <ul style="padding-left: 1.2rem;">
            """);
        foreach (var finding in findings) html.Append($"<li style=\"margin-bottom: 0.5rem;\">{E(finding.Text)}</li>\n");
        html.Append("</ul>\n");
        foreach (var (chart, image) in charts.Zip(images))
        {
            var src = mode == ImageMode.ContentId ? $"cid:{image.ContentId}" : $"data:image/png;base64,{Convert.ToBase64String(image.Png)}";
            html.Append($"""
                <h2 style="font-size: 1.15rem;">{E(chart.Title)}</h2>
                <img id="chart-{E(chart.Id)}" src="{E(src)}" alt="{E(chart.AltText)}" width="{Count(chart.Width)}" style="display: block; width: 100%; max-width: {Count(chart.Width)}px; height: auto; border: 0;">

                """);
        }

        html.Append("""
            <h2 style="font-size: 1.15rem;">Per wave</h2>
            <table style="border-collapse: collapse; width: 100%; font-size: 15px;">
            <thead><tr><th scope="col" style="text-align: left; border-bottom: 1px solid #999;">Wave</th><th scope="col" style="text-align: right; border-bottom: 1px solid #999;">Answered</th><th scope="col" style="text-align: right; border-bottom: 1px solid #999;">Response rate</th><th scope="col" style="text-align: right; border-bottom: 1px solid #999;">Mean (95% CI)</th></tr></thead>
            <tbody>

            """);
        foreach (var row in TableRows(data))
        {
            html.Append($"<tr><td>{E(row.Wave)}</td><td style=\"text-align: right;\">{E(row.Answered)}</td><td style=\"text-align: right;\">{E(row.Rate)}</td><td style=\"text-align: right;\">{E(row.Mean)}</td></tr>\n");
        }

        html.Append($"""
            </tbody></table>
            <p style="font-size: 14px; color: #555; margin-top: 1.5rem;">{E(ModelTimeAxis.Sentence())} Intervals are 95% confidence intervals. Models fitted {E(data.Model.FittedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))} UTC.</p>
            <p style="font-size: 14px; color: #555;">{(unsubscribeUrl is null ? E(Footer(unsubscribe)) : $"{E(Stakeholder)}To stop receiving it, <a href=\"{E(unsubscribeUrl)}\" style=\"color: #0b57d0;\">unsubscribe</a>.")}</p>
            </body></html>

            """);
        return html.ToString();
    }

    private static string Text(SummaryData data, string period, IReadOnlyList<Finding> findings, IReadOnlyList<RenderedChart> charts, string? unsubscribe, string? unsubscribeUrl)
    {
        var text = new StringBuilder();
        text.Append($"{data.Model.PanelName}\nTrend summary, {period}. Aggregates only: any figure from fewer than {Count(data.Suppression.Minimum)} responses is suppressed.\n\nWhat the models say\n\n");
        foreach (var finding in findings) text.Append("* ").Append(finding.Text).Append('\n');
        text.Append("\nCharts (attached as images)\n\n");
        foreach (var chart in charts) text.Append("* ").Append(chart.AltText).Append('\n');
        text.Append("\nPer wave (wave | answered | response rate | mean, 95% CI)\n\n");
        foreach (var row in TableRows(data)) text.Append($"{row.Wave} | {row.Answered} | {row.Rate} | {row.Mean}\n");
        text.Append($"\n{ModelTimeAxis.Sentence()}\n\n{(unsubscribeUrl is null ? Footer(unsubscribe) : $"{Stakeholder}To stop receiving it, unsubscribe at {unsubscribeUrl}")}\n");
        return text.ToString();
    }

    private static IEnumerable<(string Wave, string Answered, string Rate, string Mean)> TableRows(SummaryData data)
    {
        foreach (var cell in data.Waves)
        {
            var hidden = cell.ResponsesSuppressed || !data.ModelsShown;
            var answered = hidden ? $"fewer than {Count(data.Suppression.Minimum)}" : Count(cell.Row.Responded);
            var rate = hidden ? "suppressed" : cell.ResponseRate is { } r ? Percent(r) : "no invitations";
            var mean = cell.Outcome is { } o && data.ModelsShown
                ? $"{Fixed(o.Mean!.Value, 2)} ({(o.CiLower is { } l && o.CiUpper is { } u ? $"{Fixed(l, 2)} to {Fixed(u, 2)}" : "no interval")})"
                : cell.OutcomeSuppressed || hidden ? "suppressed" : "no answers";
            yield return ($"{Count(cell.Row.Wave)} ({cell.Row.State})", answered, rate, mean);
        }
    }

    private const string Stakeholder = "You receive this summary because you are listed as a stakeholder of this panel. ";

    private static string Footer(string? unsubscribe) =>
        Stakeholder
        + (unsubscribe is null ? "Ask the research team to remove you to stop receiving it." : $"To stop receiving it: {unsubscribe}");
}
