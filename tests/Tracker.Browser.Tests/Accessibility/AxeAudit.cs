using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// axe-core's WCAG 2.2 A/AA rules run in the page as it is shown. The script is embedded in Deque.AxeCore.Commons and
/// injected through Playwright, so nothing is fetched and the page's CSP (which admits no script) is not loosened.
/// </summary>
public static class AxeAudit
{
    /// <summary>Every success criterion of WCAG 2.0, 2.1 and 2.2 at levels A and AA that axe-core has a rule for.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Runs the audit and fails with each violation's rule, impact, elements and help page when there is any.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });

        // A run that checked nothing would pass vacuously (an empty page, a rule set that matched no rule).
        Assert.True(result.Passes.Length > 0, $"axe ran no passing check on {what}: was the page empty?");
        Assert.True(result.Violations.Length == 0, Describe(what, page.Url, result.Violations));
    }

    public static string Describe(string what, string url, IEnumerable<AxeResultItem> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"axe found WCAG 2.2 A/AA violations on {what} ({url}):");
        foreach (var violation in violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {violation.Id} ({violation.Impact}): {violation.Help} — {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                var failed = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.Append(CultureInfo.InvariantCulture, $"\n    at {node.Target}: {string.Join("; ", failed)}");
            }
        }

        return text.ToString();
    }
}
