using System.Text.RegularExpressions;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Panels;

/// <summary>
/// The languages a panel speaks. Every text a participant sees (instrument, consent, emails, page chrome) must exist in
/// each of them; the first is the default for participants enrolled without a language of their own.
/// </summary>
public static partial class PanelLanguages
{
    public const int MaxLanguages = 12;

    // Scripts written right to left; a page in one of these gets dir="rtl". Matched on the primary subtag.
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
    };

    [GeneratedRegex(InstrumentValidator.LanguagePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TagRegex();

    /// <summary>The validated list (the instrument's language alone when none is given); problems are named by JSON path.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? languages, Instrument? instrument, List<string> problems)
    {
        var instrumentLanguage = instrument?.Language ?? "en";
        if (languages is null) return [instrumentLanguage];
        if (languages.Count == 0)
        {
            problems.Add("languages: must list at least one language, or be left out (the instrument's language is then the only one)");
            return [instrumentLanguage];
        }

        if (languages.Count > MaxLanguages) problems.Add($"languages: lists {languages.Count} languages; at most {MaxLanguages} are supported");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < languages.Count; i++)
        {
            var tag = languages[i];
            if (!TagRegex().IsMatch(tag)) problems.Add($"languages[{i}]: '{tag}' is not a BCP 47 language tag such as en, de or pt-BR");
            else if (!seen.Add(tag)) problems.Add($"languages[{i}]: '{tag}' is listed twice");
        }

        if (instrument is not null && !seen.Contains(instrumentLanguage))
        {
            problems.Add($"languages: must include the instrument's language '{instrumentLanguage}' (the language its texts are written in)");
        }

        return languages;
    }

    /// <summary>Whether <paramref name="tag"/> is written right to left (Arabic, Hebrew, Persian, Urdu, …).</summary>
    public static bool IsRightToLeft(string tag)
    {
        var primary = tag.Split('-', 2)[0];
        return RightToLeft.Contains(primary);
    }

    /// <summary>Whether participants of <paramref name="panel"/> can have different languages (else <see cref="Match"/> always gives its one).</summary>
    public static bool IsMultilingual(Panel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return panel.Languages.Count > 1;
    }

    /// <summary>The language of <paramref name="panel"/> that best matches <paramref name="requested"/>: exact tag, then the same primary subtag, else the default.</summary>
    public static string Match(Panel panel, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested)) return panel.DefaultLanguage;
        foreach (var language in panel.Languages)
        {
            if (string.Equals(language, requested, StringComparison.OrdinalIgnoreCase)) return language;
        }

        var primary = requested.Split('-', 2)[0];
        foreach (var language in panel.Languages)
        {
            if (string.Equals(language.Split('-', 2)[0], primary, StringComparison.OrdinalIgnoreCase)) return language;
        }

        return panel.DefaultLanguage;
    }
}
