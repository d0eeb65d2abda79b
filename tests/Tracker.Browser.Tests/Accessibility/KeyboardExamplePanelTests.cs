using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Tracker.Web.Pages;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// The example panel's wave 1 with the keyboard alone: consent, a page of every question type (a number, a single and a
/// multiple choice, a question a condition reveals, a date), three pages of statements and a long text, with Tab,
/// Shift+Tab, Space, arrows, typing and Enter only; then the stored response is exactly what was keyed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardExamplePanelTests(BrowserFixture stack)
{
    [Fact]
    public async Task A_participant_consents_and_completes_every_page_of_wave_1_with_the_keyboard_alone()
    {
        var panelId = await ExamplePanel.CreateAsync(stack);
        var link = await stack.InviteOneAsync(panelId);
        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(link))!.Status);

        // Consent: the language selector (its list and button) comes first, then the agree button.
        for (var stops = 0; stops < 3 && await page.EvaluateAsync<string>("() => document.activeElement.textContent") != ConsentPage.AgreeText; stops++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(ConsentPage.AgreeText, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.AfterAsync(page, () => page.Keyboard.PressAsync("Enter")));

        // Page 1: past the language selector (its list and button), type the age; arrows choose in the gender group;
        // Space ticks platforms; Shift+Tab goes back a stop.
        await PastLanguageSelectorAsync(page);
        await TabAsync(page, "q-age");
        Assert.NotEqual("none", await page.Locator("#q-age").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.TypeAsync("34");
        await TabAsync(page, SurveyFormPage.ChoiceId("gender", 0));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.Locator($"#{SurveyFormPage.ChoiceId("gender", 2)}").IsCheckedAsync(), "the arrows did not choose the third answer");
        await TabAsync(page, SurveyFormPage.ChoiceId("platforms", 0));
        await page.Keyboard.PressAsync("Space");
        await TabAsync(page, SurveyFormPage.ChoiceId("platforms", 1));
        await TabAsync(page, SurveyFormPage.ChoiceId("platforms", 2));
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal(SurveyFormPage.ChoiceId("platforms", 1), await FocusedIdAsync(page));
        await TabAsync(page, SurveyFormPage.ChoiceId("platforms", 2));
        await page.Keyboard.PressAsync("Space");
        await TabAsync(page, "q-joined");
        await page.Keyboard.TypeAsync("05012026");
        await TabToButtonAsync(page, SurveyFormPage.NextText);

        // TikTok ticked reveals the hours question: the page comes back with the focus on the error summary, whose link
        // takes the focus to the question.
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, await PageSubmit.AfterAsync(page, () => page.Keyboard.PressAsync("Enter")));
        await FormStructure.AssertErrorsAnnouncedAsync(page, "the revealed question", ["tiktok_hours"]);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#q-tiktok_hours", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("q-tiktok_hours", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync("12");
        await TabAsync(page, "q-joined");
        await TabToButtonAsync(page, SurveyFormPage.NextText);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.AfterAsync(page, () => page.Keyboard.PressAsync("Enter")));

        // Three pages of statements: Tab into each group, Space chooses the first point, each arrow one point on.
        var keyed = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var items in ExamplePanel.ConstructPages)
        {
            Assert.Equal($"Page {2 + ExamplePanel.ConstructPages.ToList().IndexOf(items)} of 5", (await page.Locator("#form-progress").TextContentAsync())?.Trim());
            await PastLanguageSelectorAsync(page);
            foreach (var item in items)
            {
                var value = 1 + (n++ * 3 % 7);
                keyed[item] = value.ToString(CultureInfo.InvariantCulture);
                await TabAsync(page, SurveyFormPage.OptionId(item, 1));
                await page.Keyboard.PressAsync("Space");
                for (var point = 1; point < value; point++)
                {
                    await page.Keyboard.PressAsync("ArrowRight");
                }

                Assert.True(await page.Locator($"#{SurveyFormPage.OptionId(item, value)}").IsCheckedAsync(), $"{item} is not at {value}");
            }

            await TabToButtonAsync(page, SurveyFormPage.NextText);
            Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.AfterAsync(page, () => page.Keyboard.PressAsync("Enter")));
        }

        // The last page: a long text over two lines (Enter in a text area is a new line), then Save.
        await PastLanguageSelectorAsync(page);
        await TabAsync(page, "q-comment");
        await page.Keyboard.TypeAsync("Great community.\nThank you.");
        await TabToButtonAsync(page, SurveyFormPage.SubmitText);
        Assert.Equal((int)HttpStatusCode.OK, await PageSubmit.AfterAsync(page, () => page.Keyboard.PressAsync("Enter")));
        Assert.Equal(ExamplePanel.ThankYouTitle, await page.Locator("h1").TextContentAsync());
        await page.Context.CloseAsync();

        var row = Assert.Single(await ExamplePanel.ItemsExportAsync(stack, panelId));
        Assert.Equal("34", row["age"]);
        Assert.Equal("d", row["gender"]);
        Assert.Equal("tiktok;youtube", row["platforms"]);
        Assert.Equal("12", row["tiktok_hours"]);
        Assert.Equal("2026-05-01", row["joined"]);
        Assert.Equal("Great community.\nThank you.", row["comment"]);
        Assert.All(keyed, pair => Assert.Equal(pair.Value, row[pair.Key]));
        var wave1 = (await stack.StatusAsync(panelId)).GetProperty("waves")[0];
        Assert.Equal((1, 0), (wave1.GetProperty("complete").GetInt32(), wave1.GetProperty("partial").GetInt32()));
    }

    /// <summary>One Tab, and the focus must land on <paramref name="id"/>.</summary>
    /// <summary>Every page of this two-language panel starts with the language selector: its list, then its button.</summary>
    private static async Task PastLanguageSelectorAsync(IPage page)
    {
        await TabAsync(page, "language-choice");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
    }

    private static async Task TabAsync(IPage page, string id)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await FocusedIdAsync(page));
    }

    /// <summary>
    /// Tab until the button with these words has the focus: a date box takes one Tab stop per part (month, day, year),
    /// so the count depends on where its caret is; no other control may be passed on the way.
    /// </summary>
    private static async Task TabToButtonAsync(IPage page, string words)
    {
        var start = await FocusedIdAsync(page);
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement.tagName === 'BUTTON'"))
            {
                Assert.Equal(words, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
                return;
            }

            Assert.Equal(start, await FocusedIdAsync(page));
        }

        Assert.Fail($"Tab did not reach the {words} button from {start}");
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");
}
