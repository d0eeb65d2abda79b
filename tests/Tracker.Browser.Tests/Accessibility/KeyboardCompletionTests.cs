using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Tracker.Engine.Instruments;
using Tracker.Web.Pages;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>A participant who cannot use a mouse or a touch screen: the whole wave with Tab, Space, arrows and Enter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardCompletionTests(BrowserFixture stack)
{
    [Fact]
    public async Task A_participant_completes_the_form_with_the_keyboard_alone_and_the_stored_answers_are_what_was_keyed()
    {
        var panelId = await stack.CreatePanelAsync();
        var link = await stack.InviteOneAsync(panelId);

        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);

        var items = DefaultInstrument.Instance.Items.ToList();
        var scale = DefaultInstrument.Instance.Scale;
        var keyed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            // Every point of the scale is used somewhere, the lowest and the highest included.
            var value = scale.Min + (i * 3 % (scale.Max - scale.Min + 1));
            keyed[items[i].Id] = value;

            // Tab enters an unanswered group at its first point; Space chooses it; each arrow moves the choice one point on.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(SurveyFormPage.OptionId(items[i].Id, scale.Min), await FocusedIdAsync(page));
            await page.Keyboard.PressAsync("Space");
            for (var point = scale.Min; point < value; point++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            var chosen = SurveyFormPage.OptionId(items[i].Id, value);
            Assert.Equal(chosen, await FocusedIdAsync(page));
            Assert.True(await page.Locator($"#{chosen}").IsCheckedAsync(), $"{chosen} is focused but not chosen");
            if (i == 0)
            {
                // Where the focus is must be visible: the option around the focused button draws an outline.
                Assert.NotEqual("none", await page.Locator($"label[for='{chosen}']").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
            }
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("submit", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('type')"));
        var saved = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal((int)HttpStatusCode.OK, (await saved).Status);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(ThankYouPage.Title, await page.Locator("h1").TextContentAsync());
        await page.Context.CloseAsync();

        // The items export holds the answers as given (not reverse-keyed): one row, exactly what was keyed.
        var csv = (await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/items")).ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal(2, csv.Length);
        var header = csv[0].Split(',');
        var row = csv[1].Split(',');
        foreach (var (itemId, value) in keyed)
        {
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), row[Array.IndexOf(header, itemId)]);
        }
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");
}
