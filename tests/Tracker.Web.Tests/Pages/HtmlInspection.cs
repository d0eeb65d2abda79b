using System.Text.RegularExpressions;

namespace Tracker.Web.Tests.Pages;

/// <summary>Tolerant regex reading of the pages' HTML: enough to check structure without an HTML parser dependency.</summary>
internal static partial class HtmlInspection
{
    public static int Count(string html, string tag) => Regex.Count(html, $"<{tag}[\\s>]");

    public static IReadOnlyList<Dictionary<string, string>> Tags(string html, string tag) =>
        Regex.Matches(html, $"<{tag}\\b([^>]*)>").Select(m => Attributes(m.Groups[1].Value)).ToList();

    public static IReadOnlyList<Dictionary<string, string>> Radios(string html) =>
        Tags(html, "input").Where(a => a.GetValueOrDefault("type") == "radio").ToList();

    public static IEnumerable<string> AllAttributeNames(string html) =>
        Regex.Matches(html, "<[a-z][a-z0-9]*\\b([^>]*)>").SelectMany(m => Attributes(m.Groups[1].Value).Keys);

    public static string StyleBlock(string html)
    {
        var blocks = StyleRegex().Matches(html);
        Assert.Single(blocks);
        return blocks[0].Groups[1].Value;
    }

    public static string? Title(string html) => TitleRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    private static Dictionary<string, string> Attributes(string text) =>
        AttributeRegex().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Success ? m.Groups[3].Value : string.Empty);

    [GeneratedRegex("([a-zA-Z-]+)(=\"([^\"]*)\")?")]
    private static partial Regex AttributeRegex();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleRegex();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleRegex();
}
