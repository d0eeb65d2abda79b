using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Engine.Common;

/// <summary>
/// A text a participant reads, in each of the panel's languages. In a definition it is either one plain string (a
/// panel in one language) or an object keyed by language tag, <c>{"en": "…", "de": "…"}</c>; it is stored the same way.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText
{
    private readonly Dictionary<string, string> byLanguage;

    private LocalizedText(string? neutral, Dictionary<string, string> byLanguage)
    {
        Neutral = neutral;
        this.byLanguage = byLanguage;
    }

    /// <summary>The one text of a plain-string value (meant for every language); null when given per language.</summary>
    public string? Neutral { get; }

    /// <summary>The texts given per language (empty for a plain string).</summary>
    public IReadOnlyDictionary<string, string> ByLanguage => byLanguage;

    public static LocalizedText Of(string text) => new(text, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public static LocalizedText Of(IEnumerable<KeyValuePair<string, string>> texts) =>
        new(null, new Dictionary<string, string>(texts, StringComparer.OrdinalIgnoreCase));

    /// <summary>The text in <paramref name="language"/>; else its primary subtag's; else the plain string; else the first given.</summary>
    public string For(string? language)
    {
        if (Neutral is not null) return Neutral;
        if (language is not null)
        {
            if (byLanguage.TryGetValue(language, out var exact)) return exact;
            var primary = language.Split('-', 2)[0];
            foreach (var (tag, text) in byLanguage)
            {
                if (string.Equals(tag.Split('-', 2)[0], primary, StringComparison.OrdinalIgnoreCase)) return text;
            }
        }

        return byLanguage.Values.FirstOrDefault() ?? "";
    }

    /// <summary>Every text this value holds (for length and control-character checks).</summary>
    public IEnumerable<(string Path, string Text)> Texts(string path) =>
        Neutral is not null ? [(path, Neutral)] : byLanguage.Select(kv => ($"{path}.{kv.Key}", kv.Value));

    /// <summary>
    /// Adds a problem, named by <paramref name="path"/>, for each of the panel's <paramref name="languages"/> this text
    /// lacks and each language it has that the panel does not speak. A plain string serves a one-language panel only.
    /// </summary>
    public void ReportMissing(string path, IReadOnlyList<string> languages, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(problems);
        var spoken = string.Join(", ", languages);
        if (Neutral is not null)
        {
            if (languages.Count > 1)
            {
                problems.Add($"{path}: is one text, but the panel speaks {spoken}: give it per language, as {{{string.Join(", ", languages.Select(l => $"\"{l}\": \"…\""))}}}");
            }

            return;
        }

        foreach (var language in languages)
        {
            if (!byLanguage.ContainsKey(language)) problems.Add($"{path}.{language}: is missing (the panel's languages are {spoken})");
        }

        foreach (var tag in byLanguage.Keys)
        {
            if (!languages.Contains(tag, StringComparer.OrdinalIgnoreCase)) problems.Add($"{path}.{tag}: is not one of the panel's languages ({spoken})");
        }
    }

    public override string ToString() => For(null);
}

/// <summary>Reads and writes <see cref="LocalizedText"/> as a JSON string or an object of strings keyed by language.</summary>
public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return LocalizedText.Of(reader.GetString()!);
            case JsonTokenType.StartObject:
                var texts = new List<KeyValuePair<string, string>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var language = reader.GetString()!;
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String) throw new JsonException("A text per language must be a string.");
                    texts.Add(new(language, reader.GetString()!));
                }

                return LocalizedText.Of(texts);
            default:
                throw new JsonException("A text must be a string or an object of strings keyed by language.");
        }
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Neutral is not null)
        {
            writer.WriteStringValue(value.Neutral);
            return;
        }

        writer.WriteStartObject();
        foreach (var (language, text) in value.ByLanguage) writer.WriteString(language, text);
        writer.WriteEndObject();
    }
}
