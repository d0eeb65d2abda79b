using System.Net;
using Microsoft.Playwright;
using Tracker.Web.Pages;
using Tracker.Engine.Instruments;

namespace Tracker.Browser.Tests;

/// <summary>A participant's path in a real browser: the emailed link, every item answered by tapping its label, the thank-you page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyFormTests(BrowserFixture stack)
{
    [Theory]
    [InlineData(1280, 900, false, "form-desktop")]
    [InlineData(390, 844, true, "form-phone")]
    public async Task A_participant_follows_the_emailed_link_answers_every_item_by_its_label_and_is_counted(int width, int height, bool phone, string artifact)
    {
        var panelId = await stack.CreatePanelAsync();
        var email = BrowserFixture.Emails(1);
        await stack.ImportAsync(panelId, email);
        await stack.DispatchAsync(panelId, 1);
        var link = (await stack.LinksForAsync(email, wave: 1))[email[0]];

        var page = await stack.NewPageAsync(width, height, isMobile: phone);
        var response = await page.GotoAsync(link);
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        var items = DefaultInstrument.Instance.Items.ToList();
        Assert.Equal(items.Count, await page.Locator("fieldset").CountAsync());
        if (phone)
        {
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        }

        for (var i = 0; i < items.Count; i++)
        {
            var value = 1 + i % 7;
            await page.Locator($"label[for='{SurveyFormPage.OptionId(items[i].Id, value)}']").ClickAsync();
            Assert.True(await page.Locator($"#{SurveyFormPage.OptionId(items[i].Id, value)}").IsCheckedAsync());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"{artifact}-filled.png"), FullPage = true });
        await page.Locator("button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        Assert.Equal(ThankYouPage.Title, await page.Locator("h1").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"{artifact}-thanks.png") });
        await page.Context.CloseAsync();

        var wave1 = (await stack.StatusAsync(panelId)).GetProperty("waves")[0];
        Assert.Equal(1, wave1.GetProperty("responded").GetInt32());
        Assert.Equal(1, wave1.GetProperty("invited").GetInt32());
    }
}
