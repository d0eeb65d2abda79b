using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracker.Cli.Tests;

/// <summary>Form bodies for posted answers, and what a returned form page shows as chosen.</summary>
internal static partial class SubmissionForms
{
    public static FormUrlEncodedContent Of(IReadOnlyDictionary<string, int> answers) =>
        new(answers.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The radio buttons a page has checked, by item id.</summary>
    public static Dictionary<string, int> Checked(string html) =>
        CheckedRadio().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [GeneratedRegex("<input type=\"radio\" id=\"[^\"]+\" name=\"(?<name>[^\"]+)\" value=\"(?<value>\\d+)\" checked")]
    private static partial Regex CheckedRadio();
}
