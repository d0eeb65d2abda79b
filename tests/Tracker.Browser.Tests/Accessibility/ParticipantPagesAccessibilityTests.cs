using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tracker.Engine.Instruments;
using Tracker.Engine.Summaries;
using Tracker.Web.Pages;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// Every page a participant or stakeholder can reach, served by the real stack and audited in Chromium with axe-core's
/// WCAG 2.2 A/AA rules: zero violations on each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParticipantPagesAccessibilityTests(BrowserFixture stack)
{
    [Theory]
    [InlineData(1280, 900, false)]
    [InlineData(390, 844, true)]
    public async Task The_survey_form_fresh_after_a_bad_submit_and_when_editing_passes_axe(int width, int height, bool phone)
    {
        var link = await OneLinkAsync();
        var size = phone ? "on a phone" : "on a desktop";
        var page = await stack.NewPageAsync(width, height, isMobile: phone);

        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, $"the fresh survey form {size}", FormRules);

        // Nothing answered: the same form comes back with the error summary and every statement marked.
        var invalid = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.Locator("button[type='submit']").ClickAsync();
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, (await invalid).Status);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await AssertErrorsAreTiedToTheirStatementsAsync(page);
        await AxeAudit.AssertNoViolationsAsync(page, $"the survey form with validation errors {size}", FormRules);

        // Answered and saved: the thank-you page, then the same link again shows the saved answers to change.
        foreach (var item in DefaultInstrument.Instance.Items)
        {
            await page.Locator($"#{SurveyFormPage.OptionId(item.Id, 4)}").CheckAsync();
        }

        await page.Locator("button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(ThankYouPage.Title, await page.Locator("h1").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, $"the thank-you page {size}");

        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);
        Assert.True(await page.Locator($"#{SurveyFormPage.OptionId(DefaultInstrument.Instance.Items.First().Id, 4)}").IsCheckedAsync());
        await AxeAudit.AssertNoViolationsAsync(page, $"the survey form editing a saved response {size}", FormRules);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_closed_and_not_found_link_pages_pass_axe()
    {
        var link = await OneLinkAsync();
        var page = await stack.NewPageAsync();

        Assert.Equal((int)HttpStatusCode.NotFound, (await page.GotoAsync(stack.Url("r/forged.link")))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the not-found link page");

        // Past the participant's window (5 days) but within the link's day of grace: the wave is closed.
        stack.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        Assert.Equal((int)HttpStatusCode.Gone, (await page.GotoAsync(link))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the closed-wave page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_problem_pages_pass_axe()
    {
        var link = await OneLinkAsync();
        var page = await stack.NewPageAsync();

        // A post our form cannot produce (not form-encoded), sent by the browser itself: the 400 page as served.
        await page.RouteAsync(link, route => route.ContinueAsync(new RouteContinueOptions
        {
            Method = "POST",
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            PostData = Encoding.UTF8.GetBytes("{\"not\":\"a form\"}"),
        }));
        Assert.Equal((int)HttpStatusCode.BadRequest, (await page.GotoAsync(link))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the bad-request page");
        await page.UnrouteAllAsync();

        // The 503 that keeps posted answers behind "Try again" needs storage down; the page the stack would send, with its headers.
        var outage = stack.Url("r/outage");
        var kept = DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, "5"));
        var unavailable = ProblemPage.UnavailableKeepingAnswers(link, kept);
        await page.RouteAsync(outage, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = unavailable.StatusCode,
            ContentType = HtmlPage.ContentType,
            Headers = PageSecurity.Headers.ToDictionary(h => h.Key, h => h.Value),
            Body = unavailable.Html,
        }));
        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, (await page.GotoAsync(outage))!.Status);
        Assert.Equal(DefaultInstrument.Instance.Items.Count(), await page.Locator("input[type='hidden']").CountAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the unavailable page keeping the answers");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_opt_out_choices_and_their_confirmation_pass_axe()
    {
        var panelId = await stack.CreatePanelAsync();
        var email = BrowserFixture.Emails(1);
        await stack.ImportAsync(panelId, email);
        await stack.DispatchAsync(panelId, 1);
        await stack.LinksForAsync(email, wave: 1);

        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(await stack.OptOutLinkAsync(email[0])))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the opt-out choices");

        await page.Locator("#choice-reminders").CheckAsync();
        await page.Locator("button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await AxeAudit.AssertNoViolationsAsync(page, "the opt-out confirmation");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_summary_unsubscribe_confirmation_and_done_pages_pass_axe()
    {
        var stakeholder = BrowserFixture.Emails(1)[0];
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Short-video co-creation study",
            instrument = "default",
            stakeholders = new[] { stakeholder },
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var link = stack.Stack.Host.Services.GetRequiredService<SummarySubscriptions>().UnsubscribeLink(panelId, SummaryLedger.RecipientKey(stakeholder));

        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link.ToString()))!.Status);
        Assert.Equal(UnsubscribePage.ConfirmTitle, await page.Locator("h1").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the summary unsubscribe confirmation");

        await page.Locator("button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(UnsubscribePage.DoneTitle, await page.Locator("h1").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the unsubscribed page");
        await page.Context.CloseAsync();
    }

    /// <summary>Rules that must have found something to check on the form and passed (labels, contrast, language, tap targets).</summary>
    private static readonly string[] FormRules = ["label", "color-contrast", "html-has-lang", "target-size"];

    /// <summary>
    /// Each error links from the summary to its statement's first choice, is announced with the statement's group
    /// (aria-describedby) and marks that group's choices invalid; nothing else is marked.
    /// </summary>
    private static async Task AssertErrorsAreTiedToTheirStatementsAsync(IPage page)
    {
        var items = DefaultInstrument.Instance.Items.ToList();
        var summaryLinks = await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(items.Select(i => "#" + SurveyFormPage.OptionId(i.Id, DefaultInstrument.Instance.Scale.Min)), summaryLinks);
        foreach (var item in items)
        {
            var group = page.Locator("fieldset").Filter(new() { Has = page.Locator($"input[name='{item.Id}']") });
            var describedBy = await group.GetAttributeAsync("aria-describedby");
            Assert.Equal(SurveyFormPage.ErrorId(item.Id), describedBy);
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"#{describedBy}").TextContentAsync()));
            Assert.Equal(["true"], (await group.Locator("input").EvaluateAllAsync<string?[]>("inputs => inputs.map(i => i.getAttribute('aria-invalid'))")).Distinct());
        }

        Assert.Equal(0, await page.Locator("[aria-invalid]:not(input[type='radio'])").CountAsync());
    }

    private async Task<string> OneLinkAsync()
    {
        var panelId = await stack.CreatePanelAsync();
        return await stack.InviteOneAsync(panelId);
    }
}
