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

    /// <summary>
    /// Runs the audit and fails with each violation's rule, impact, elements and help page when there is any. The rules
    /// in <paramref name="mustPass"/> must have checked something and passed, so a page cannot pass by having nothing to check.
    /// A summary of every rule's outcome is kept in the artifacts folder (axe-{name}.txt), the undecided ones included.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what, params string[] mustPass)
    {
        var result = await RunAsync(page);
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsFolder, $"axe-{FileName(what)}.txt"), Summary(what, page.Url, result));
        Assert.True(result.Violations.Length == 0, Describe(what, page.Url, result.Violations));
        var passed = result.Passes.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        Assert.True(passed.Count > 0, $"axe passed no rule on {what}: was the page empty?");
        var missing = mustPass.Where(rule => !passed.Contains(rule)).ToList();
        Assert.True(missing.Count == 0, $"on {what} axe did not pass {string.Join(", ", missing)}; it passed {string.Join(", ", passed.Order(StringComparer.Ordinal))}");
    }

    /// <summary>axe-core with the WCAG 2.2 A/AA tags only (its best-practice rules are advice, not the audit).</summary>
    public static async Task<AxeResult> RunAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
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

    private static string Summary(string what, string url, AxeResult result)
    {
        static string Rules(IEnumerable<AxeResultItem> items) => string.Join(", ", items.Select(i => i.Id).Order(StringComparer.Ordinal));
        return string.Join('\n',
            $"{what} ({url}), axe-core {result.TestEngine?.Version}, tags {string.Join(' ', WcagTags)}",
            $"violations: {Rules(result.Violations)}",
            $"passes: {Rules(result.Passes)}",
            $"incomplete (needs a person): {Rules(result.Incomplete)}",
            $"inapplicable: {Rules(result.Inapplicable)}") + "\n";
    }

    private static string FileName(string what) => string.Join('-', what.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
