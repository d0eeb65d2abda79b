using System.Net;
using System.Text;
using Microsoft.Playwright;
using Tracker.Web.Pages;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// The example panel of docs/instruments.md in Chromium, audited with axe-core's WCAG 2.2 A/AA rules on every page a
/// participant meets: consent, each form page of wave 1 and of wave 2, the pages shown again with errors, a question a
/// display condition revealed, the resume page, thanks, the closed wave, a bad link, opt-out, and the dashboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExamplePanelAccessibilityTests(BrowserFixture stack)
{
    [Theory]
    [InlineData(1280, 900, false)]
    [InlineData(390, 844, true)]
    public async Task Every_page_of_the_example_panel_in_both_waves_passes_axe(int width, int height, bool phone)
    {
        var size = phone ? "on a phone" : "on a desktop";
        var panelId = await ExamplePanel.CreateAsync(stack);
        var emails = BrowserFixture.Emails(2);
        await stack.ImportAsync(panelId, emails);
        await stack.DispatchAsync(panelId, 1);
        var link = (await stack.LinksForAsync(emails, wave: 1))[emails[0]];

        var page = await stack.NewPageAsync(width, height, isMobile: phone);
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, $"the example consent page {size}", "html-has-lang", "color-contrast");
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, ConsentPage.AgreeText));

        // Wave 1, page 1: every question type; nothing answered gives the required errors.
        await AssertFormPageAsync(page, $"wave 1 page 1 (about you) {size}", 1, 5, ExamplePanel.Wave1Titles[0]);
        Assert.Equal(0, await page.Locator("[name='tiktok_hours']").CountAsync());
        Assert.EndsWith("(optional)", (await page.Locator("fieldset:has([name='gender']) > legend").TextContentAsync())!.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("(optional)", (await page.Locator("label[for='q-joined']").TextContentAsync())!.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("(optional)", await page.Locator("label[for='q-age']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        await FormStructure.AssertErrorsAnnouncedAsync(page, "required answers missing", ["age", "platforms"]);
        await AxeAudit.AssertNoViolationsAsync(page, $"wave 1 page 1 with required answers missing {size}", FormRules);

        // A number out of range, a date that is no date (as a browser without a date picker would send it), and TikTok
        // ticked, which reveals the hours question (required, so it comes back unanswered).
        await page.Locator("#q-age").FillAsync("130");
        await page.Locator("label", new() { HasText = "TikTok" }).ClickAsync();
        await page.RouteAsync(link, route => route.ContinueAsync(new RouteContinueOptions { PostData = Encoding.UTF8.GetBytes(route.Request.PostData!.Replace("joined=", "joined=2026-02-30", StringComparison.Ordinal)) }));
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        await page.UnrouteAllAsync();
        await FormStructure.AssertErrorsAnnouncedAsync(page, "a number out of range, a wrong date, a revealed question", ["age", "tiktok_hours", "joined"]);
        Assert.Equal(1, await page.Locator("[name='tiktok_hours']").CountAsync());
        await AxeAudit.AssertNoViolationsAsync(page, $"wave 1 page 1 with a number out of range, a wrong date and a revealed question {size}", FormRules);

        await page.Locator("#q-age").FillAsync("34");
        await page.Locator("#q-tiktok_hours").FillAsync("6.5");
        await page.Locator("#q-joined").FillAsync("2026-05-01");
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        await AssertFormPageAsync(page, $"wave 1 page 2 {size}", 2, 5, ExamplePanel.Wave1Titles[1]);

        // Back: page 1 as saved, the hours question shown by its condition this time without an error.
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.BackText));
        Assert.Equal("6.5", await page.Locator("#q-tiktok_hours").InputValueAsync());
        await AssertFormPageAsync(page, $"wave 1 page 1 with the question its condition revealed {size}", 1, 5, ExamplePanel.Wave1Titles[0]);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));

        await AnswerStatementsAsync(page, ExamplePanel.ConstructPages[0], 5);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        await AssertFormPageAsync(page, $"wave 1 page 3 {size}", 3, 5, ExamplePanel.Wave1Titles[2]);
        await page.Context.CloseAsync();

        // Interrupted: the same link on another device resumes at page 3.
        page = await stack.NewPageAsync(width, height, isMobile: phone);
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);
        await AssertFormPageAsync(page, $"the resumed form (wave 1 page 3) {size}", 3, 5, ExamplePanel.Wave1Titles[2]);
        await AnswerStatementsAsync(page, ExamplePanel.ConstructPages[1], 3);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        await AssertFormPageAsync(page, $"wave 1 page 4 {size}", 4, 5, ExamplePanel.Wave1Titles[3]);
        await AnswerStatementsAsync(page, ExamplePanel.ConstructPages[2], 6);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        await AssertFormPageAsync(page, $"wave 1 page 5 {size}", 5, 5, ExamplePanel.Wave1Titles[4]);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.SubmitText));
        Assert.Equal(ExamplePanel.ThankYouTitle, await page.Locator("h1").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, $"the example panel's thank-you page {size}");

        if (!phone)
        {
            await OtherPagesAsync(page, panelId, emails[1]);
        }

        // Wave 2: no demographics page, four pages; the wave-1 link is now closed.
        stack.Clock.Advance(ExamplePanel.WaveInterval + TimeSpan.FromHours(1));
        Assert.Equal((int)HttpStatusCode.Gone, (await page.GotoAsync(link))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, $"the closed-wave page of the example panel {size}");
        await stack.DispatchAsync(panelId, 2);
        var link2 = (await stack.LinksForAsync([emails[0]], wave: 2))[emails[0]];
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link2))!.Status);
        for (var i = 0; i < ExamplePanel.ConstructPages.Count; i++)
        {
            await AssertFormPageAsync(page, $"wave 2 page {i + 1} {size}", i + 1, 4, ExamplePanel.Wave2Titles[i]);
            await AnswerStatementsAsync(page, ExamplePanel.ConstructPages[i], 2 + i);
            Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.NextText));
        }

        await AssertFormPageAsync(page, $"wave 2 page 4 {size}", 4, 4, ExamplePanel.Wave2Titles[3]);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, SurveyFormPage.SubmitText));
        Assert.Equal(ExamplePanel.ThankYouTitle, await page.Locator("h1").TextContentAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>Rules that must have found something to check on a form page and passed (labels, contrast, language, tap targets).</summary>
    private static readonly string[] FormRules = ["label", "color-contrast", "html-has-lang", "target-size"];

    private static async Task AssertFormPageAsync(IPage page, string what, int number, int count, string title)
    {
        Assert.Equal(title, await page.Locator("h2").Last.TextContentAsync());
        await FormStructure.AssertAsync(page, what, number, count);
        await AxeAudit.AssertNoViolationsAsync(page, what, FormRules);
    }

    private static async Task AnswerStatementsAsync(IPage page, IEnumerable<string> items, int value)
    {
        foreach (var item in items)
        {
            await page.Locator($"label[for='{SurveyFormPage.OptionId(item, value)}']").ClickAsync();
        }
    }

    /// <summary>The pages around the form, for the example panel: a bad link, opt-out and its confirmation, the dashboard.</summary>
    private async Task OtherPagesAsync(IPage page, string panelId, string otherEmail)
    {
        Assert.Equal((int)HttpStatusCode.NotFound, (await page.GotoAsync(stack.Url("r/forged.link")))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the invalid-link page");

        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(await stack.OptOutLinkAsync(otherEmail)))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the example panel's opt-out choices");
        await page.Locator("#choice-reminders").CheckAsync();
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.PressAsync(page, "Save my choice"));
        await AxeAudit.AssertNoViolationsAsync(page, "the example panel's opt-out confirmation");

        Assert.Equal((int)HttpStatusCode.OK, (await stack.OpenDashboardAsync(page, panelId)).Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the example panel's dashboard");
    }
}
