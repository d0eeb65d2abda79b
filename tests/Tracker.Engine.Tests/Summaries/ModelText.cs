using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Model.Findings;

namespace Tracker.Engine.Tests.Summaries;

/// <summary>Reads numbers out of email text and finds them in the stored model JSON.</summary>
public static partial class ModelText
{
    public static List<double> Leaves(string json)
    {
        var values = new List<double>();
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, values);
        return values;
    }

    /// <summary>Every number printed in the text, with the fixed phrases ("95% CI") and the fitting timestamp removed.</summary>
    public static List<string> Tokens(string text, DateTimeOffset fittedAt)
    {
        text = text.Replace(fittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), " ", StringComparison.Ordinal)
            .Replace("95% CI", " ", StringComparison.Ordinal)
            .Replace("95% confidence", " ", StringComparison.Ordinal)
            .Replace("95% intervals", " ", StringComparison.Ordinal)
            .Replace("95% interval", " ", StringComparison.Ordinal)
            .Replace("(Mean (95% CI)", " ", StringComparison.Ordinal);
        return NumberPattern().Matches(text).Select(m => m.Value).ToList();
    }

    public static string VisibleText(string html)
    {
        var withoutHead = HeadPattern().Replace(html, " ");
        return WebUtility.HtmlDecode(TagPattern().Replace(withoutHead, " "));
    }

    public static bool IsModelValue(string token, IReadOnlyList<double> leaves)
    {
        if (token.EndsWith('%'))
        {
            var number = token[..^1];
            return leaves.Any(l => Numbers.Fixed(l * 100, 0) == number);
        }

        var decimals = token.Contains('.', StringComparison.Ordinal) ? token.Length - token.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return leaves.Any(l => Numbers.Fixed(l, decimals) == token || (decimals == 0 && l == double.Parse(token, CultureInfo.InvariantCulture)));
    }

    private static void Walk(JsonElement element, List<double> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, values);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, values);
                break;
            case JsonValueKind.Number:
                values.Add(element.GetDouble());
                break;
        }
    }

    [GeneratedRegex(@"(?<![\w.])-?\d+(?:\.\d+)?%?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"<head>.*?</head>", RegexOptions.Singleline)]
    private static partial Regex HeadPattern();
}
