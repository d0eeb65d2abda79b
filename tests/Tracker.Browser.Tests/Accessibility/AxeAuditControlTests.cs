using System.Net;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>The control for every "zero violations": the same audit, on a served page with faults put in, reports them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeAuditControlTests(BrowserFixture stack)
{
    [Fact]
    public async Task The_audit_runs_offline_under_the_pages_CSP_and_reports_an_unlabelled_control_and_an_image_without_text()
    {
        var page = await stack.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        Assert.Equal((int)HttpStatusCode.NotFound, (await page.GotoAsync(stack.Url("r/forged.link")))!.Status);
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\" name=\"q\"><img src=\"data:,\">')");

        var result = await AxeAudit.RunAsync(page);

        Assert.Equal(["image-alt", "label"], result.Violations.Select(v => v.Id).Order(StringComparer.Ordinal));
        var message = AxeAudit.Describe("the control page", page.Url, result.Violations);
        Assert.Contains("label (critical)", message, StringComparison.Ordinal);
        Assert.Contains("https://dequeuniversity.com/rules/axe/", message, StringComparison.Ordinal);
        // The target is a selector for the very element at fault, and the message names it.
        var target = Assert.Single(result.Violations.Single(v => v.Id == "label").Nodes).Target.ToString();
        Assert.Equal("q", await page.Locator(target).GetAttributeAsync("name"));
        Assert.Contains($"at {target}:", message, StringComparison.Ordinal);

        // axe-core came from the package: the browser asked the stack for the page and nothing else.
        Assert.All(requests, url => Assert.StartsWith(stack.Url(""), url, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
