using System.Text.RegularExpressions;
using Tracker.Engine.Common;

namespace Tracker.Engine.Consent;

/// <summary>Checks a read <see cref="ConsentDefinition"/> against the panel's languages, naming every problem by JSON path.</summary>
public static partial class ConsentValidator
{
    public const int MaxVersionLength = 32;

    /// <summary>Per language; a long information sheet fits, a document pasted by mistake does not (and a table row stays under its 64 KiB cap).</summary>
    public const int MaxTextLength = 20_000;

    public const int MaxTitleLength = 200;

    /// <summary>The consent to ask for, or null when none was given or it has problems (added to <paramref name="problems"/>).</summary>
    public static PanelConsent? Resolve(ConsentDefinition? definition, IReadOnlyList<string> languages, List<string> problems, string path = "consent")
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (definition is null || !definition.Given) return null;
        var before = problems.Count;
        var version = definition.Version?.Trim();
        if (string.IsNullOrEmpty(version)) problems.Add($"{path}.version: is required (a name for this text, such as \"2027-01\"; a changed text needs a new version)");
        else if (version.Length > MaxVersionLength || !VersionPattern().IsMatch(version))
        {
            problems.Add($"{path}.version: '{Shorten(version)}' must be 1 to {MaxVersionLength} letters, digits, dots, hyphens or underscores, such as \"2027-01\"");
        }

        if (definition.Text is null) problems.Add($"{path}.text: is required (the information and consent text participants read, one per language)");
        else CheckTexts(definition.Text, $"{path}.text", MaxTextLength, languages, problems);
        if (definition.Title is not null) CheckTexts(definition.Title, $"{path}.title", MaxTitleLength, languages, problems);

        return problems.Count > before || languages.Count == 0 ? null : new PanelConsent(version!, definition.Text!, definition.Title);
    }

    private static void CheckTexts(LocalizedText text, string path, int max, IReadOnlyList<string> languages, List<string> problems)
    {
        if (languages.Count > 0) text.ReportMissing(path, languages, problems);
        foreach (var (at, value) in text.Texts(path))
        {
            if (string.IsNullOrWhiteSpace(value)) problems.Add($"{at}: is empty");
            else if (value.Length > max) problems.Add($"{at}: is {value.Length:N0} characters; at most {max:N0}");
            else if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')) problems.Add($"{at}: contains control characters");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
