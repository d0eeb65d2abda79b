using Microsoft.Playwright;
using Tracker.Web.Pages;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// What axe cannot decide alone about a form page, checked in the page as shown: every control has a name, choices are
/// grouped under their question, the progress is in words, and what must be answered is said in words.
/// </summary>
public static class FormStructure
{
    public static async Task AssertAsync(IPage page, string what, int pageNumber, int pageCount, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

        // Reflow (WCAG 1.4.10): nothing makes the page scroll sideways, on a phone included.
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, $"{what} scrolls sideways");

        // A name for every control a person can reach: its label(s), aria-labelledby, aria-label, or a button's words.
        var unnamed = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button')]
              .filter(c => {
                const byIds = (c.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                  .map(id => document.getElementById(id)?.textContent || '').join(' ');
                const labels = [...(c.labels || [])].map(l => l.textContent).join(' ');
                const name = [byIds, c.getAttribute('aria-label') || '', labels, c.tagName === 'BUTTON' ? c.textContent : ''].join(' ');
                return name.trim().length === 0;
              })
              .map(c => c.outerHTML)
            """);
        Assert.True(unnamed.Length == 0, $"controls without a name on {what}: {string.Join(" | ", unnamed)}");

        // Every radio button and checkbox sits in a fieldset whose legend says the question, with all of its group.
        var ungrouped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
              .filter(c => {
                const set = c.closest('fieldset');
                const legend = set && set.querySelector(':scope > legend');
                if (!legend || legend.textContent.trim().length === 0) return true;
                return [...document.getElementsByName(c.name)].some(o => o.closest('fieldset') !== set);
              })
              .map(c => c.name + '=' + c.value)
            """);
        Assert.True(ungrouped.Length == 0, $"choices outside a fieldset with a legend on {what}: {string.Join(", ", ungrouped)}");

        // The progress is in words (and labels the bar), not a bar alone.
        var words = $"Page {pageNumber} of {pageCount}";
        Assert.Equal(words, (await page.Locator("#form-progress").TextContentAsync())?.Trim());
        Assert.Equal("form-progress", await page.Locator("progress").GetAttributeAsync("aria-labelledby"));

        // Which questions must be answered is said in words: optional ones are marked, and the page says what that means.
        var questions = await page.Locator("legend:not(:has(.number)), label.question").AllTextContentsAsync();
        if (questions.Count > 0)
        {
            Assert.Contains(Tracker.Engine.Languages.ParticipantTexts.English.Fill(Tracker.Engine.Languages.PageText.RequiredNote, ("optional", Tracker.Engine.Languages.ParticipantTexts.English[Tracker.Engine.Languages.PageText.Optional])), await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A page shown again with errors: the focus is on the error summary (an alert), each error is linked from it and
    /// tied to its control (aria-describedby, aria-invalid), and nothing without an error is marked invalid.
    /// </summary>
    public static async Task AssertErrorsAnnouncedAsync(IPage page, string what, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(questionIds);
        Assert.Contains("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.className"), StringComparison.Ordinal);
        Assert.Equal("alert", await page.Locator(".error-summary").GetAttributeAsync("role"));
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        var links = await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(questionIds.Count, links.Length);
        foreach (var id in questionIds)
        {
            var error = page.Locator($"#{id}-error");
            Assert.False(string.IsNullOrWhiteSpace(await error.TextContentAsync()), $"no message for {id} on {what}");
            var controls = page.Locator($"[name='{id}']");
            Assert.True(await controls.CountAsync() > 0, $"no control for {id} on {what}");
            var invalid = await controls.EvaluateAllAsync<string?[]>("cs => cs.map(c => c.getAttribute('aria-invalid'))");
            Assert.Equal(["true"], invalid.Distinct());

            // The message is read with the control: a text box points at it, a choice group's fieldset does.
            var describedBy = await controls.First.EvaluateAsync<string>("c => (c.closest('fieldset') && (c.type === 'radio' || c.type === 'checkbox') ? c.closest('fieldset') : c).getAttribute('aria-describedby') || ''");
            Assert.Contains($"{id}-error", describedBy.Split(' '));
            Assert.Contains(links, href => href == "#" + SurveyFormPage.FieldId(id) || href == "#" + SurveyFormPage.ChoiceId(id, 0));
        }

        var marked = await page.Locator("[aria-invalid]").EvaluateAllAsync<string[]>("cs => cs.map(c => c.name)");
        Assert.All(marked, name => Assert.Contains(name, questionIds));
    }
}
