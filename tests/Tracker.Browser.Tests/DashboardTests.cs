using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Tracker.Engine.Charts;
using Tracker.Engine.Dashboard;
using Tracker.Engine.Instruments;
using Tracker.Model.Models;

namespace Tracker.Browser.Tests;

/// <summary>The dashboard of a panel with real answers, in headless Chromium: the numbers shown are the status API's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture stack)
{
    [Fact]
    public async Task The_dashboard_shows_the_status_apis_numbers_the_trend_and_the_model_accessibly()
    {
        var panelId = await PanelWithThreeAnsweredWavesAsync();
        var model = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/model");
        var status = await stack.StatusAsync(panelId);

        var page = await stack.NewPageAsync();
        var console = ConsoleProblems(page);
        var response = await stack.OpenDashboardAsync(page, panelId);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.StartsWith("default-src 'none'", response.Headers["content-security-policy"], StringComparison.Ordinal);

        // No key in the address, and the session is a cookie scripts cannot read, sent to this panel's dashboard only.
        Assert.Equal(stack.Url($"panels/{panelId}/dashboard"), page.Url);
        var cookie = Assert.Single(await page.Context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal($"/api/panels/{panelId}/dashboard", cookie.Path);
        Assert.DoesNotContain(stack.Stack.AdminKey, cookie.Value, StringComparison.Ordinal);

        Assert.Equal(status.GetProperty("name").GetString(), await page.Locator("h1").TextContentAsync());
        Assert.Equal(Count(status, "participants"), await Field(page.Locator("body"), "participants"));
        Assert.Equal(Count(status, "activeParticipants"), await Field(page.Locator("body"), "active"));
        foreach (var wave in status.GetProperty("waves").EnumerateArray())
        {
            var row = page.Locator($"#wave-status tr[data-wave='{wave.GetProperty("number").GetInt32()}']");
            Assert.Equal(wave.GetProperty("state").GetString(), await Field(row, "state"));
            Assert.Equal(Count(wave, "invited"), await Field(row, "invited"));
            Assert.Equal(Count(wave, "failed"), await Field(row, "failed"));
            Assert.Equal(Count(wave, "responded"), await Field(row, "responded"));
            var rate = wave.GetProperty("responseRate");
            Assert.Equal(DashboardFormat.Rate(rate.ValueKind == JsonValueKind.Number ? rate.GetDouble() : null), await Field(row, "responseRate"));
        }

        // Retention of the wave-1 cohort: 5 answered wave 1, 4 of them wave 2, 3 of them wave 3.
        Assert.Equal(["100.0%", "80.0%", "60.0%"], await page.Locator("#retention-table [data-field='retention']").AllTextContentsAsync());

        // The chart: the summary email's willingness chart drawn from the stored model as SVG, named by its title and
        // described in words, with the same numbers as a table.
        var chart = WillingnessChart.ForResearcher(ModelJson.Deserialize(model.GetRawText()));
        Assert.Equal(1, await page.GetByRole(AriaRole.Img, new() { Name = chart.Title, Exact = true }).CountAsync());
        Assert.Equal("img", await page.Locator("svg.chart").GetAttributeAsync("role"));
        Assert.Equal(3, chart[WillingnessChart.MeansSeries].X.Count);
        Assert.Contains(chart.XAxisTitle, await page.Locator("svg.chart").TextContentAsync(), StringComparison.Ordinal);
        var means = Answers.Select(wave => DashboardFormat.Number(wave.Average(WillingnessScore))).ToList();
        Assert.Contains($"Wave 1: {means[0]}", await page.Locator("svg.chart desc").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(means, await page.Locator("#trend-table [data-field='mean']").AllTextContentsAsync());
        Assert.Contains("per day", await page.Locator("[data-field='growth']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(DashboardFormat.Time(model.GetProperty("fitted_at").GetDateTimeOffset()), await Field(page.Locator("body"), "fitted-at"));
        Assert.Equal(0, await page.Locator("[data-field='stale']").CountAsync());
        Assert.NotEmpty(await page.Locator("[data-field='decay']").TextContentAsync() ?? "");

        // Accessible structure: one h1, section headings, every header cell scoped.
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.True(await page.Locator("h2").CountAsync() >= 5);
        Assert.Equal(0, await page.Locator("th:not([scope])").CountAsync());

        // The hashed style block was admitted by the page's CSP (otherwise tables would not collapse their borders).
        Assert.Equal("collapse", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('table')).borderCollapse"));

        // Nothing was refused or failed: the CSP admitted the style block and the chart needs nothing else.
        Assert.Empty(console);

        // The control: the same listener does hear the CSP refuse an inline style, so an empty list above means clean.
        await page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<p style=\\'color:red\\'>x</p>')");
        for (var waited = 0; waited < 50 && console.Count == 0; waited++) await Task.Delay(100);
        Assert.Contains(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "dashboard-desktop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>Every console error or warning and every uncaught page error from now on (a CSP refusal is a console error).</summary>
    private static List<string> ConsoleProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") lock (problems) problems.Add($"{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => { lock (problems) problems.Add($"page error: {error}"); };
        return problems;
    }

    [Fact]
    public async Task On_a_phone_the_dashboard_fits_the_screen_without_horizontal_scrolling()
    {
        var panelId = await PanelWithThreeAnsweredWavesAsync();

        var page = await stack.NewPageAsync(width: 390, height: 844, isMobile: true);
        await stack.OpenDashboardAsync(page, panelId);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
        var chartWidth = await page.EvaluateAsync<double>("() => document.querySelector('svg.chart').getBoundingClientRect().width");
        Assert.InRange(chartWidth, 200, 390);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "dashboard-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_a_session_the_dashboard_is_refused_a_used_up_link_sets_nothing_and_an_unknown_panel_is_a_404()
    {
        var page = await stack.NewPageAsync();
        var refused = await page.GotoAsync(stack.Url("panels/pABCDEFGHJKL/dashboard"));
        Assert.Equal((int)HttpStatusCode.Unauthorized, refused!.Status);

        // A link that does not verify is refused and leaves no cookie behind.
        var forged = await page.GotoAsync(stack.Url("panels/pABCDEFGHJKL/dashboard/open?link=forged.link"));
        Assert.Equal((int)HttpStatusCode.Forbidden, forged!.Status);
        Assert.Empty(await page.Context.CookiesAsync());
        await page.Context.CloseAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.PostAsync("api/panels/pNOSUCHPANEL/dashboard-link", null)).StatusCode);
    }

    /// <summary>Six participants over three weekly waves; willingness 6 → 5 → 4 on average, 5, 4 and 3 answering.</summary>
    private async Task<string> PanelWithThreeAnsweredWavesAsync()
    {
        var panelId = await stack.CreatePanelAsync(waves: 3);
        var emails = BrowserFixture.Emails(6);
        await stack.ImportAsync(panelId, emails);
        for (var wave = 1; wave <= 3; wave++)
        {
            if (wave > 1) stack.Clock.Advance(TimeSpan.FromDays(7));
            await stack.DispatchAsync(panelId, wave);
            var links = await stack.LinksForAsync(emails, wave);
            for (var i = 0; i < Answers[wave - 1].Length; i++)
            {
                await stack.SubmitAsync(links[emails[i]], Answers[wave - 1][i]);
            }
        }

        // The dashboard shows the stored model and never fits: fit it as the model timer would.
        await stack.Stack.Host.InvokeAsync("FitWillingnessModel");
        return panelId;
    }

    private static readonly int[][] Answers = [[6, 5, 6, 7, 6], [5, 4, 6, 5], [4, 3, 5]];

    /// <summary>The willingness score of a form answered <paramref name="value"/> throughout: reverse-keyed items count as 8 − value.</summary>
    private static double WillingnessScore(int value) =>
        DefaultInstrument.Instance.Constructs.Single(c => c.Id == "willingness").Items.Average(i => i.Reversed ? 8.0 - value : value);

    private static string Count(JsonElement element, string name) => DashboardFormat.Count(element.GetProperty(name).GetInt32());

    private static async Task<string?> Field(ILocator scope, string field) =>
        (await scope.Locator($"[data-field='{field}']").First.TextContentAsync())?.Trim();
}
