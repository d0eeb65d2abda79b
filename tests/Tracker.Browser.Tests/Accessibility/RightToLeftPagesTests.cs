using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// A panel in English and Arabic: the language selector switches the form in Chromium without script, the Arabic page
/// is right to left, and it passes axe-core's WCAG 2.2 A/AA rules with zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RightToLeftPagesTests(BrowserFixture stack)
{
    [Fact]
    public async Task Choosing_Arabic_on_the_form_renders_it_right_to_left_and_it_passes_axe()
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Short-video co-creation study",
            // The instrument must be in Arabic too; the built-in German words stand in for a translation here.
            instrument = System.Text.Json.JsonDocument.Parse(Tracker.Engine.Instruments.InstrumentJson.Serialize(Tracker.Engine.Instruments.DefaultInstrument.Instance with
            {
                Translations = new Dictionary<string, Tracker.Engine.Instruments.InstrumentTranslation> { ["ar"] = Tracker.Engine.Instruments.DefaultInstrument.Instance.Translations!["de"] },
            })).RootElement,
            languages = new[] { "en", "ar" },
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var panelId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var link = await stack.InviteOneAsync(panelId);

        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);
        Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
        await AxeAudit.AssertNoViolationsAsync(page, "the English form with a language selector");

        // The selector is an ordinary GET form: choose, press its button, and the same link answers in Arabic.
        await page.Locator("#language-choice").SelectOptionAsync("ar");
        await page.Locator("form.languages button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main')).direction"));
        Assert.Equal("حفظ إجاباتي", await page.Locator("form[method='post'] button[type='submit']").TextContentAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the Arabic form, right to left");

        // Remembered: the plain link opens in Arabic now.
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.Context.CloseAsync();
    }
}
