using System.Globalization;
using Tracker.Engine.Forms;
using Tracker.Engine.Status;
using Tracker.Model.Time;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// The researcher's view of a running panel, server-rendered: waves on a timeline, the status counts, retention, the
/// outcome trend with its fitted curve, the latest model, delivery failures and opt-outs. Every number cell carries
/// <c>data-field</c> so tests can compare it with the status API; all text is encoded by <see cref="HtmlBuilder"/>.
/// </summary>
public static class DashboardPage
{
    public static string Render(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var html = new HtmlBuilder();
        var status = data.Status;
        html.Raw("<!doctype html>").Line()
            .Open("html", ("lang", "en")).Line()
            .Raw("<head>").Line()
            .Raw("<meta charset=\"utf-8\">").Line()
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").Line()
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">").Line()
            .Raw("<meta name=\"robots\" content=\"noindex, nofollow\">").Line()
            .Element("title", $"{status.Name}: dashboard").Line()
            .Raw("<style>").Raw(DashboardSheet.Css).Raw("</style>").Line()
            .Raw("</head>").Line()
            .Raw("<body>").Line()
            .Raw("<main>").Line();

        html.Element("p", "Tracker dashboard", ("class", "panel")).Line()
            .Element("h1", status.Name).Line()
            .Element("p", $"Panel {status.Id} · as of {DashboardFormat.Time(status.AsOf)} · instrument {data.Panel.Instrument.Id}", ("class", "meta")).Line();
        if (status.DataRetentionUntil is { } until)
        {
            html.Element("p", $"Data kept until {until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}", ("class", "meta"), ("data-field", "retention-until")).Line();
            if (status.RetentionWarning is { } warning) html.Element("p", warning, ("class", "warning"), ("data-field", "retention-warning")).Line();
        }

        var left = status.Participants - status.ActiveParticipants;
        var failed = status.Waves.Sum(w => w.Failed);
        html.Raw("<ul class=\"figures\">").Line();
        Figure(html, "participants", status.Participants, "participants");
        Figure(html, "active", status.ActiveParticipants, "active");
        Figure(html, "opted-out", left, "left the panel (opt-outs)");
        Figure(html, "failed-total", failed, "invitations failed");
        html.Raw("</ul>").Line();

        Waves(html, status);
        Retention(html, data);
        Trend(html, data);
        Model(html, data);
        Delivery(html, status, left, failed);

        html.Raw("</main>").Line().Raw("</body>").Line().Raw("</html>").Line();
        return html.ToString();
    }

    private static void Figure(HtmlBuilder html, string field, int value, string label) =>
        html.Raw("<li>").Element("b", DashboardFormat.Count(value), ("data-field", field)).Text(label).Raw("</li>").Line();

    private static void Waves(HtmlBuilder html, PanelStatus status)
    {
        html.Element("h2", "Waves", ("id", "waves")).Line();
        html.Open("ol", ("class", "timeline"), ("aria-label", "Wave timeline")).Line();
        foreach (var wave in status.Waves)
        {
            html.Open("li", ("class", wave.State)).Element("strong", $"Wave {wave.Number}")
                .Element("span", wave.State, ("class", "state")).Raw("<br>")
                .Text($"{DashboardFormat.Date(wave.OpensAt)} – {DashboardFormat.Date(wave.ClosesAt)}").Close("li").Line();
        }

        html.Raw("</ol>").Line();
        html.Raw("<div class=\"table-wrap\">").Line()
            .Open("table", ("id", "wave-status")).Element("caption", "Invitations and responses per wave").Line()
            .Raw("<thead><tr>");
        foreach (var heading in new[] { "Wave", "State", "Opens", "Closes", "Invited", "Failed", "Responded", "Response rate" })
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Raw("</tr></thead>").Line().Raw("<tbody>").Line();
        foreach (var wave in status.Waves)
        {
            html.Open("tr", ("data-wave", DashboardFormat.Count(wave.Number)))
                .Element("th", DashboardFormat.Count(wave.Number), ("scope", "row"))
                .Element("td", wave.State, ("data-field", "state"))
                .Element("td", DashboardFormat.Time(wave.OpensAt))
                .Element("td", DashboardFormat.Time(wave.ClosesAt))
                .Element("td", DashboardFormat.Count(wave.Invited), ("class", "num"), ("data-field", "invited"))
                .Element("td", DashboardFormat.Count(wave.Failed), ("class", "num"), ("data-field", "failed"))
                .Element("td", DashboardFormat.Count(wave.Responded), ("class", "num"), ("data-field", "responded"))
                .Element("td", DashboardFormat.Rate(wave.ResponseRate), ("class", "num"), ("data-field", "responseRate"))
                .Close("tr").Line();
        }

        html.Raw("</tbody></table></div>").Line();
    }

    private static void Retention(HtmlBuilder html, DashboardData data)
    {
        html.Element("h2", "Retention", ("id", "retention")).Line();
        if (data.FirstWaveResponders == 0)
        {
            html.Element("p", "Nobody has answered wave 1 yet, so there is no cohort to follow.").Line();
            return;
        }

        html.Element("p", $"Of the {data.FirstWaveResponders} participants who answered wave 1, how many answered each later wave.").Line();
        html.Raw("<div class=\"table-wrap\">").Line()
            .Open("table", ("id", "retention-table")).Element("caption", "Retention of the wave-1 responders").Line()
            .Raw("<thead><tr>");
        foreach (var heading in new[] { "Wave", "Responses", "Wave-1 responders answering", "Retained" })
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Raw("</tr></thead>").Line().Raw("<tbody>").Line();
        foreach (var wave in data.Trend)
        {
            // A wave not yet open has no retention to show: "0.0%" would read as everybody having dropped out.
            var notYetOpen = data.Status.Waves.FirstOrDefault(w => w.Number == wave.Wave)?.State == "scheduled";
            html.Open("tr", ("data-wave", DashboardFormat.Count(wave.Wave)))
                .Element("th", DashboardFormat.Count(wave.Wave), ("scope", "row"));
            if (notYetOpen)
            {
                html.Element("td", "–", ("class", "num"), ("data-field", "responses"))
                    .Element("td", "–", ("class", "num"), ("data-field", "retained"))
                    .Open("td", ("class", "num"), ("data-field", "retention")).Text("–").Element("span", " (not yet open)", ("class", "meta")).Close("td");
            }
            else
            {
                html.Element("td", DashboardFormat.Count(wave.Responses), ("class", "num"), ("data-field", "responses"))
                    .Element("td", DashboardFormat.Count(wave.RetainedFromFirstWave), ("class", "num"), ("data-field", "retained"))
                    .Element("td", DashboardFormat.Rate((double)wave.RetainedFromFirstWave / data.FirstWaveResponders), ("class", "num"), ("data-field", "retention"));
            }

            html.Close("tr").Line();
        }

        html.Raw("</tbody></table></div>").Line();
    }

    private static void Trend(HtmlBuilder html, DashboardData data)
    {
        html.Element("h2", $"Trend of {data.Outcome}", ("id", "trend")).Line();
        if (data.Model is not { } model || !data.Trend.Any(t => t.OutcomeN > 0))
        {
            html.Element("p", data.Model is null ? NoModel : $"The model has no {data.Outcome} answers yet.").Line();
            return;
        }

        html.Raw("<figure>").Line();
        TrendChart.Render(html, model, data);
        html.Element("figcaption", $"Dots: mean {data.Outcome} per wave with 95% confidence intervals (bars), at the wave's mean {ModelTimeAxis.Describe()}. "
            + (TrendChart.Decay(data) is not null ? "Solid line: the fitted decay curve; dashed line: its plateau." : "No fitted curve: the decay model did not converge.")
            + " The same chart as the stakeholder summary's first chart, with open waves included and nothing suppressed.", ("class", "meta")).Line();
        html.Raw("</figure>").Line();

        html.Raw("<div class=\"table-wrap\">").Line()
            .Open("table", ("id", "trend-table")).Element("caption", $"Mean {data.Outcome} per wave (the chart's data)").Line()
            .Raw("<thead><tr>");
        foreach (var heading in new[] { "Wave", "n", "Mean", "95% CI", "Mean days" })
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Raw("</tr></thead>").Line().Raw("<tbody>").Line();
        foreach (var wave in data.Trend.Where(t => t.OutcomeN > 0))
        {
            html.Open("tr", ("data-wave", DashboardFormat.Count(wave.Wave)))
                .Element("th", DashboardFormat.Count(wave.Wave), ("scope", "row"))
                .Element("td", DashboardFormat.Count(wave.OutcomeN), ("class", "num"), ("data-field", "n"))
                .Element("td", DashboardFormat.Number(wave.OutcomeMean), ("class", "num"), ("data-field", "mean"))
                .Element("td", double.IsFinite(wave.CiLower) ? $"{DashboardFormat.Number(wave.CiLower)} – {DashboardFormat.Number(wave.CiUpper)}" : "–", ("class", "num"))
                .Element("td", DashboardFormat.Number(wave.MeanDays, "0.0"), ("class", "num"))
                .Close("tr").Line();
        }

        html.Raw("</tbody></table></div>").Line();
    }

    private const string NoModel = "No model yet — fitted after the first wave closes.";

    private static void Model(HtmlBuilder html, DashboardData data)
    {
        html.Element("h2", "Stored model", ("id", "model")).Line();
        if (data.Model is not { } model)
        {
            html.Element("p", NoModel, ("data-field", "model-state")).Line();
            return;
        }

        html.Open("p", ("data-field", "model-state")).Text("Fitted ").Element("time", DashboardFormat.Time(model.FittedAt), ("datetime", model.FittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), ("data-field", "fitted-at")).Text(".");
        if (data.ModelStale)
        {
            html.Text(" ").Element("strong", "Stale: a wave closed after this fit, so its answers are not in it yet; the model is refitted daily and when a wave closes.", ("class", "warning"), ("data-field", "stale"));
        }

        html.Close("p").Line();
        html.Raw("<ul class=\"model\">").Line();
        var growth = model.Analysis.Growth;
        if (growth.Converged && growth.Fixed?.GetValueOrDefault("days") is { Estimate: { } estimate } slope)
        {
            html.Open("li", ("data-field", "growth")).Text(string.Create(CultureInfo.InvariantCulture,
                $"Growth ({growth.Formula}): {data.Outcome} changes by {DashboardFormat.Change(estimate)} per day (SE {DashboardFormat.Number(slope.Se ?? double.NaN, "0.0000")}), {DashboardFormat.Change(estimate * 30, "+0.00;−0.00")} per 30 days; {growth.NObs} answers from {growth.NGroups} participants."));
            if (growth.Singular == true) html.Text(" Boundary fit: the variance parameters are only loosely determined.");
            html.Close("li").Line();
        }
        else
        {
            html.Element("li", $"Growth ({growth.Formula}): not estimable yet. {growth.Message}", ("data-field", "growth")).Line();
        }

        if (TrendChart.Decay(data) is { } decay)
        {
            html.Element("li", string.Create(CultureInfo.InvariantCulture,
                $"Decay: from {DashboardFormat.Number(decay.Initial!.Estimate!.Value)} towards a plateau of {DashboardFormat.Number(decay.Plateau!.Estimate!.Value)} (SE {DashboardFormat.Number(decay.Plateau.Se ?? double.NaN)}); half-life {DashboardFormat.Number(decay.HalfLife?.Estimate ?? double.NaN, "0.0")} days (SE {DashboardFormat.Number(decay.HalfLife?.Se ?? double.NaN, "0.0")})."), ("data-field", "decay")).Line();
        }
        else
        {
            html.Element("li", $"No clear decay. {model.Analysis.Decay.Message}", ("data-field", "decay")).Line();
        }

        html.Raw("</ul>").Line();
        html.Element("p", "The same numbers are in the model API's document and come out of the bundle export's analysis.R (lme4 and nls) on the long export.", ("class", "meta")).Line();
    }

    private static void Delivery(HtmlBuilder html, PanelStatus status, int left, int failed)
    {
        html.Element("h2", "Delivery and opt-outs", ("id", "delivery")).Line();
        html.Raw("<ul>").Line();
        html.Element("li", failed == 0
            ? "No invitation has failed."
            : $"{failed} invitation(s) were refused for good by the mail server ({string.Join(", ", status.Waves.Where(w => w.Failed > 0).Select(w => $"wave {w.Number}: {w.Failed}"))}). Check those addresses; the panel's contacts are not shown here.",
            ("class", failed == 0 ? null : "warning")).Line();
        html.Element("li", left == 0
            ? "Nobody has left the panel."
            : string.Create(CultureInfo.InvariantCulture, $"{left} of {status.Participants} participants have left the panel and get no further invitations.")).Line();
        html.Raw("</ul>").Line();
    }
}
