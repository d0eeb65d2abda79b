using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tracker.Engine.Charts;
using Tracker.Engine.Dashboard;
using Tracker.Web.Pages;
using Tracker.Engine.Status;
using Tracker.Engine.Summaries;
using Tracker.Engine.Tests.Exports;
using Tracker.Model.Models;
using Tracker.Model.Tests;

using Tracker.Engine.Tests.Summaries;

namespace Tracker.Engine.Tests.Charts;

/// <summary>
/// The dashboard's trend is the email's willingness chart: one definition, drawn as SVG on the page and as PNG in the
/// email, and the SVG sits under the dashboard's strict CSP with an accessible name.
/// </summary>
public sealed partial class DashboardChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_dashboard_svg_and_the_email_png_plot_the_same_series_under_the_same_labels()
    {
        var model = SimulatedPanel.Model([40, 36, 33, 30]);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 4").Charts.Single(c => c.Id == WillingnessChart.Id);
        var dashboard = WillingnessChart.ForResearcher(model);

        Assert.Equal(email.Title, dashboard.Title);
        Assert.Equal(email.XAxisTitle, dashboard.XAxisTitle);
        Assert.Equal(email.Series.Select(s => s.Name), dashboard.Series.Select(s => s.Name));
        foreach (var (mailed, shown) in email.Series.Zip(dashboard.Series))
        {
            Assert.Equal(mailed.X, shown.X);
            Assert.Equal(mailed.Y, shown.Y);
            Assert.Equal(mailed.ErrorLower, shown.ErrorLower);
            Assert.Equal(mailed.ErrorUpper, shown.ErrorUpper);
        }

        // Against the stored model itself, not only against each other: the means and their days.
        var stats = model.Analysis.Descriptives[model.Outcome];
        Assert.Equal(stats.Select(s => s.Mean!.Value), dashboard[WillingnessChart.MeansSeries].Y);
        Assert.Equal(model.Waves.Select(w => w.Days), dashboard[WillingnessChart.MeansSeries].X);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], email.Png.Take(4));

        // The page's SVG draws that definition: its title, axis titles and legend, and a marker per mean placed on a
        // linear axis in proportion to the days.
        var svg = DashboardSvg(model);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(dashboard.Title, svg.Element(Svg + "title")!.Value);
        Assert.Contains(dashboard.Title, texts);
        Assert.Contains(dashboard.XAxisTitle, texts);
        Assert.Contains(dashboard.YAxisTitle, texts);
        Assert.Contains(WillingnessChart.CurveSeries, texts);
        // The plotted markers are drawn clipped to the data area, before the legend draws its own sample marker.
        var markers = svg.Descendants(Svg + "g").First(g => g.Attribute("clip-path") is not null && g.Elements(Svg + "ellipse").Any())
            .Elements(Svg + "ellipse").Select(e => double.Parse((string)e.Attribute("cx")!, CultureInfo.InvariantCulture)).ToList();
        var days = dashboard[WillingnessChart.MeansSeries].X;
        Assert.Equal(days.Count, markers.Count);
        for (var i = 0; i < days.Count; i++)
        {
            Assert.Equal((days[i] - days[0]) / (days[^1] - days[0]), (markers[i] - markers[0]) / (markers[^1] - markers[0]), 3);
        }
    }

    [Fact]
    public void The_dashboard_shows_an_open_wave_the_email_leaves_out()
    {
        var model = SimulatedPanel.Model([40, 36, 33]);
        model = model with { Waves = [.. model.Waves.Take(2), model.Waves[2] with { State = "open" }] };

        Assert.Equal(model.Waves.Select(w => w.Days), WillingnessChart.ForResearcher(model)[WillingnessChart.MeansSeries].X);
        Assert.Equal(model.Waves.Take(2).Select(w => w.Days), WillingnessChart.ForSummary(new Model.Suppression.SummaryData(model))[WillingnessChart.MeansSeries].X);
    }

    [Fact]
    public void The_dashboard_svg_has_an_accessible_name_and_nothing_the_pages_csp_would_refuse()
    {
        var svg = DashboardSvg(SimulatedPanel.Model([40, 36, 33]));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Sustained co-creation willingness per wave", svg.Descendants().Single(e => (string?)e.Attribute("id") == (string?)svg.Attribute("aria-labelledby")).Value);
        Assert.StartsWith("Mean willingness per wave", svg.Descendants().Single(e => (string?)e.Attribute("id") == (string?)svg.Attribute("aria-describedby")).Value, StringComparison.Ordinal);
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));

        // The dashboard's CSP admits one hashed style block and nothing else: no style attribute or element, no link
        // to anything outside the page, and every url(#…) points inside this chart.
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null || e.Name.LocalName == "style");
        Assert.DoesNotContain(svg.DescendantsAndSelf().Attributes(), a => a.Name.LocalName == "href");
        var ids = svg.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        foreach (var reference in svg.DescendantsAndSelf().Attributes().SelectMany(a => UrlReference().Matches(a.Value)))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }

        Assert.All(svg.Descendants(Svg + "text"), t => Assert.Equal("'Liberation Sans', Arial, Helvetica, sans-serif", (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void Markup_in_the_outcomes_name_stays_text_in_the_svg()
    {
        const string hostile = "<script>alert(1)</script> & \"quoted\"";
        var model = SimulatedPanel.Model([40, 36, 33]);
        model = model with { Constructs = [.. model.Constructs.Select(c => c.Id == model.Outcome ? c with { Name = hostile } : c)] };

        var svg = DashboardSvg(model);

        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        Assert.StartsWith(hostile, svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.StartsWith(hostile, StringComparison.Ordinal));
    }

    private static XElement DashboardSvg(ModelDocument model)
    {
        var panel = ExportSamples.Panel(waves: model.Waves.Count);
        var status = new PanelStatus(panel.Id, panel.Name, 40, 40, ExportSamples.Start.AddDays(30), []);
        var stats = model.Analysis.Descriptives[model.Outcome];
        var trend = model.Waves.Select((w, i) => new WaveTrend(w.Wave, w.Responded, w.Responded, stats[i].N, stats[i].Mean!.Value, stats[i].CiLower!.Value, stats[i].CiUpper!.Value, w.Days)).ToList();
        var html = DashboardPage.Render(new DashboardData(panel, status, model.Outcome, 40, trend, model));
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        Assert.Equal(1, Regex.Count(html, "<svg"));
        return XElement.Parse(html[start..end]);
    }

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
