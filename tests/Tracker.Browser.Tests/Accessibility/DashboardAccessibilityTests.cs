using System.Net;
using Microsoft.Playwright;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>The researcher's dashboard and the pages around it, audited as served with axe-core's WCAG 2.2 A/AA rules.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardAccessibilityTests(BrowserFixture stack)
{
    [Fact]
    public async Task The_dashboard_and_its_access_pages_pass_axe()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        var emails = BrowserFixture.Emails(3);
        await stack.ImportAsync(panelId, emails);
        for (var wave = 1; wave <= 2; wave++)
        {
            if (wave > 1) stack.Clock.Advance(TimeSpan.FromDays(7));
            await stack.DispatchAsync(panelId, wave);
            var links = await stack.LinksForAsync(emails, wave);
            for (var i = 0; i < emails.Length; i++)
            {
                await stack.SubmitAsync(links[emails[i]], 7 - wave - i);
            }
        }

        // The stored model, so the chart, its table and the model section are on the page too.
        await stack.Stack.Host.InvokeAsync("FitWillingnessModel");

        var page = await stack.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.Unauthorized, (await page.GotoAsync(stack.Url($"panels/{panelId}/dashboard")))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the dashboard's sign-in page");

        Assert.Equal((int)HttpStatusCode.Forbidden, (await page.GotoAsync(stack.Url($"panels/{panelId}/dashboard/open?link=forged.link")))!.Status);
        await AxeAudit.AssertNoViolationsAsync(page, "the dashboard's refused-link page");

        Assert.Equal((int)HttpStatusCode.OK, (await stack.OpenDashboardAsync(page, panelId)).Status);
        Assert.Equal(1, await page.Locator("svg.chart").CountAsync());
        await AxeAudit.AssertNoViolationsAsync(page, "the dashboard");
        await page.Context.CloseAsync();
    }
}
