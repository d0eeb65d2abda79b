using System.Net;
using Microsoft.Playwright;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// The local development sign-in in a real browser: its page passes axe, a viewer signed in there sees the dashboard
/// with no key and no link, and is refused (403) an owner's route.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DevSignInTests(BrowserFixture stack)
{
    [Fact]
    public async Task A_viewer_signs_in_sees_the_dashboard_and_is_refused_the_audit_trail()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        var page = await stack.NewPageAsync();
        var dashboard = $"/api/panels/{panelId}/dashboard";

        var login = await page.GotoAsync(new Uri(stack.Stack.Host.BaseUrl, ".auth/login/dev?post_login_redirect_uri=" + Uri.EscapeDataString(dashboard)).ToString());
        Assert.Equal((int)HttpStatusCode.OK, login!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the development sign-in page");

        await page.GetByLabel("Name").FillAsync("Vera Viewer");
        await page.GetByLabel("viewer").CheckAsync();
        var shown = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Url.EndsWith(dashboard, StringComparison.Ordinal));
        Assert.Equal((int)HttpStatusCode.OK, shown.Status);
        Assert.EndsWith(dashboard, page.Url, StringComparison.Ordinal);

        var audit = await page.GotoAsync(stack.Url($"panels/{panelId}/audit"));
        Assert.Equal((int)HttpStatusCode.Forbidden, audit!.Status);
        Assert.Contains("This needs the owner role", await audit.TextAsync(), StringComparison.Ordinal);

        // Signed out, the dashboard asks for a link again.
        var signedOut = await page.GotoAsync(new Uri(stack.Stack.Host.BaseUrl, ".auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(dashboard)).ToString());
        Assert.Equal((int)HttpStatusCode.Unauthorized, signedOut!.Status);
        await page.Context.CloseAsync();
    }
}
