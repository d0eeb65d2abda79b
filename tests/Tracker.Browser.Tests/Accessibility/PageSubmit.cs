using Microsoft.Playwright;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>A form post from the page (a click or a key), waited for until the page it leads to has loaded.</summary>
public static class PageSubmit
{
    /// <summary>The status of the page shown after <paramref name="press"/> (after any redirect), once it has loaded.</summary>
    public static async Task<int> AfterAsync(IPage page, Func<Task> press)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(press);

        // A mark on the old document: the wait below ends only in the new one, so it cannot race the navigation.
        await page.EvaluateAsync("() => { window.trackerBeforeSubmit = true; }");
        var shown = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Request.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        await press();
        var status = (await shown).Status;
        await page.WaitForFunctionAsync("() => !window.trackerBeforeSubmit && document.readyState === 'complete'");
        return status;
    }

    /// <summary>Clicks the submit button with these words.</summary>
    public static Task<int> PressAsync(IPage page, string button) =>
        AfterAsync(page, () => page.Locator("button[type='submit']", new() { HasText = button }).ClickAsync());
}
