using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Tracker.Web.Pages;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>The consent page, the declined page and the "consent first" refusal in Chromium: zero axe violations, and agree and decline with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsentPageAccessibilityTests(BrowserFixture stack)
{
    [Fact]
    public async Task The_consent_pages_pass_axe_and_agree_and_decline_work_with_the_keyboard_alone()
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Consent study",
            instrument = "default",
            consent = new { version = "2027-01", title = "About this study", text = "We study how people make short videos together.\n\nTaking part is voluntary; you may stop at any time." },
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var emails = BrowserFixture.Emails(2);
        await stack.ImportAsync(panelId, emails);
        await stack.DispatchAsync(panelId, 1);
        var links = await stack.LinksForAsync(emails, wave: 1);

        // Agree: Tab reaches the agree button first, Enter posts it and the form follows.
        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(links[emails[0]]))!.Status);
        Assert.Equal("About this study", await page.Locator("h1").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the consent page");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(ConsentPage.AgreeText, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.Locator("button[type='submit']", new() { HasText = SurveyFormPage.SubmitText }).WaitForAsync();
        await page.Context.CloseAsync();

        // Decline: the second Tab stop, then the page saying participation has ended.
        page = await stack.NewPageAsync(390, 844, isMobile: true);
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(links[emails[1]]))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the consent page on a phone");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(ConsentPage.DeclineText, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        var declined = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal((int)HttpStatusCode.OK, (await declined).Status);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("You have declined to take part", await page.Locator("h1").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the declined page");

        // The 403 for answers posted without consent, as the stack serves it.
        var refused = ConsentPage.ConsentFirst("Consent study", links[emails[0]]);
        var url = stack.Url("r/consent-first");
        await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = refused.StatusCode,
            ContentType = HtmlPage.ContentType,
            Headers = PageSecurity.Headers.ToDictionary(h => h.Key, h => h.Value),
            Body = refused.Html,
        }));
        Assert.Equal((int)HttpStatusCode.Forbidden, (await page.GotoAsync(url))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the consent-first page");
        await page.Context.CloseAsync();
    }
}
