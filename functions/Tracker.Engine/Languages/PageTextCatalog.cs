using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Languages;

/// <summary>
/// The built-in fixed words of participant pages and emails (Languages/Catalogs/*.json, embedded), and a panel's own
/// <c>pageTexts</c>: a language without a built-in catalog must bring every key, and any language may override keys.
/// English is the reference: every built-in catalog has exactly its keys (a unit test holds them to it).
/// </summary>
public static class PageTextCatalog
{
    public const int MaxTextLength = 1000;

    private const string ResourcePrefix = "Tracker.Engine.Languages.Catalogs.";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> BuiltIns = Load();

    /// <summary>The English texts, the reference for keys and placeholders.</summary>
    public static IReadOnlyDictionary<string, string> English { get; } = BuiltIns["en"];

    /// <summary>Every key a language's texts must have.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. English.Keys];

    /// <summary>The languages with built-in texts: a panel may speak them without <c>pageTexts</c>.</summary>
    public static IReadOnlyList<string> Offered { get; } = [.. BuiltIns.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The built-in texts for <paramref name="language"/> (exact tag, then its primary subtag), or null.</summary>
    public static IReadOnlyDictionary<string, string>? BuiltIn(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return BuiltIns.GetValueOrDefault(language) ?? BuiltIns.GetValueOrDefault(language.Split('-', 2)[0]);
    }

    /// <summary>
    /// The texts for a participant of <paramref name="panel"/> who reads <paramref name="language"/> (matched to the
    /// panel's languages; the default when null or not spoken): built-in words with the panel's overrides on top.
    /// </summary>
    public static ParticipantTexts For(Panel panel, string? language)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var tag = PanelLanguages.Match(panel, language);
        var choices = panel.Languages.Count > 1
            ? panel.Languages.Select(l => new LanguageChoice(l, Merged(panel, l)[PageText.LanguageName])).ToList()
            : [];
        return new ParticipantTexts(tag, Merged(panel, tag), choices);
    }

    private static Dictionary<string, string> Merged(Panel panel, string language)
    {
        var merged = new Dictionary<string, string>(BuiltIn(language) ?? English, StringComparer.Ordinal);
        var own = panel.PageTexts.FirstOrDefault(p => string.Equals(p.Key, language, StringComparison.OrdinalIgnoreCase)).Value;
        if (own is not null)
        {
            foreach (var (key, text) in own) merged[key] = text;
        }

        return merged;
    }

    /// <summary>The <c>pageTexts</c> object as posted: its shape checked by JSON path, unknown keys named with a suggestion.</summary>
    public static Dictionary<string, Dictionary<string, string>>? Read(JsonElement element, DefinitionFields reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Problems.Add($"pageTexts: must be a JSON object {{ \"xx\": {{ \"next\": \"…\" }} }} keyed by language, not {DefinitionFields.Kind(element)}");
            return null;
        }

        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in element.EnumerateObject())
        {
            var path = $"pageTexts.{language.Name}";
            var fields = reader.Properties(language.Value, path, Keys, "a language's page texts");
            if (fields is null) continue;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, _) in fields)
            {
                if (reader.Text(fields, path, key) is { } text) texts[key] = text;
            }

            if (!result.TryAdd(language.Name, texts)) reader.Problems.Add($"{path}: is given twice");
        }

        return result;
    }

    /// <summary>
    /// Checks a panel's <c>pageTexts</c> against its languages: each language must be the panel's, each text short and
    /// free of control characters with only the placeholders its key has, and a language without built-in texts must
    /// give every key. Problems are named by JSON path.
    /// </summary>
    public static void Check(IReadOnlyDictionary<string, Dictionary<string, string>>? pageTexts, IReadOnlyList<string> languages, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(problems);
        pageTexts ??= new Dictionary<string, Dictionary<string, string>>();
        foreach (var (language, texts) in pageTexts)
        {
            if (!languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"pageTexts.{language}: is not one of the panel's languages ({string.Join(", ", languages)})");
                continue;
            }

            foreach (var (key, text) in texts) CheckText($"pageTexts.{language}.{key}", key, text, problems);
        }

        foreach (var language in languages.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // A malformed tag is already reported under languages[i]; listing every key for it again would bury that.
            if (BuiltIn(language) is not null || !Regex.IsMatch(language, Instruments.InstrumentValidator.LanguagePattern, RegexOptions.CultureInvariant)) continue;
            var own = pageTexts.FirstOrDefault(p => string.Equals(p.Key, language, StringComparison.OrdinalIgnoreCase)).Value;
            foreach (var key in Keys)
            {
                if (own is null || !own.ContainsKey(key)) problems.Add($"pageTexts.{language}.{key}: is missing (no built-in texts for '{language}')");
            }
        }
    }

    private static void CheckText(string path, string key, string text, List<string> problems)
    {
        if (text.Trim().Length == 0) problems.Add($"{path}: is empty");
        else if (text.Length > MaxTextLength) problems.Add($"{path}: is longer than {MaxTextLength} characters");
        else if (text.Any(c => char.IsControl(c) && c != '\n')) problems.Add($"{path}: contains control characters");

        if (key is PageText.DateTime or PageText.EmailDateTime)
        {
            try
            {
                _ = new DateTimeOffset(2027, 1, 31, 18, 0, 0, TimeSpan.Zero).ToString(text, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                problems.Add($"{path}: is not a .NET date and time format such as \"dddd d MMMM yyyy 'at' HH:mm\"");
            }

            return;
        }

        var allowed = ParticipantTexts.Placeholders(English[key]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in ParticipantTexts.Placeholders(text).Distinct(StringComparer.Ordinal))
        {
            if (!allowed.Contains(name))
            {
                var has = allowed.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", allowed.Select(a => $"{{{a}}}"))}";
                problems.Add($"{path}: uses {{{name}}}, which this text cannot fill ({has})");
            }
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        var assembly = typeof(PageTextCatalog).Assembly;
        var catalogs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? throw new InvalidDataException($"The page texts {name} are empty.");
            catalogs[name[ResourcePrefix.Length..^".json".Length]] = texts;
        }

        return catalogs;
    }
}
