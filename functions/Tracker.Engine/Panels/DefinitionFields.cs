using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Engine.Common;

namespace Tracker.Engine.Panels;

/// <summary>
/// Reads the properties of a posted JSON object one by one, noting every problem with its JSON path in plain words, so a
/// definition with a bad date, a misspelt property and a negative wave count is reported once with all three — the
/// serializer stops at the first and names .NET types.
/// </summary>
public sealed partial class DefinitionFields(List<string> problems)
{
    public List<string> Problems { get; } = problems;

    /// <summary>The object's properties, or null (with a problem) when the element is not an object.</summary>
    public Dictionary<string, JsonElement>? Properties(JsonElement element, string path, IReadOnlyCollection<string> known, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problems.Add($"{(path.Length == 0 ? "body" : path)}: must be a JSON object {{ … }} ({what}), not {Kind(element)}");
            return null;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var at = Join(path, name);
            if (!known.Contains(name))
            {
                var exact = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                Problems.Add(exact is not null
                    ? $"{at}: property names are case-sensitive; write '{exact}'"
                    : $"{at}: is not a property of {what}{NameSuggestion.Hint(name, known)} (known: {string.Join(", ", known)})");
                continue;
            }

            if (!result.TryAdd(name, property.Value)) Problems.Add($"{at}: is given twice");
        }

        return result;
    }

    public string? Text(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Problems.Add($"{Join(path, name)}: must be text in double quotes, not {Kind(value)}");
        return null;
    }

    public int? WholeNumber(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        var at = Join(path, name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt32(out var number):
                return number;
            case JsonValueKind.Number:
                Problems.Add($"{at}: must be a whole number, not {value.GetRawText()}");
                return null;
            case JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var quoted):
                Problems.Add($"{at}: write the number without quotes: {quoted}");
                return null;
            default:
                Problems.Add($"{at}: must be a whole number, not {Kind(value)}");
                return null;
        }
    }

    /// <summary>A finite JSON number (a threshold, a share); a quoted number is refused with the unquoted spelling.</summary>
    public double? Number(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        var at = Join(path, name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
        Problems.Add(value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var quoted)
            ? $"{at}: write the number without quotes: {quoted.ToString(CultureInfo.InvariantCulture)}"
            : $"{at}: must be a number, not {Kind(value)}");
        return null;
    }

    public bool? Boolean(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Problems.Add($"{Join(path, name)}: must be true or false, not {Kind(value)}");
        return null;
    }

    /// <summary>
    /// A participant-facing text: a plain string, or an object of strings keyed by language tag. Only the shape is
    /// checked here; <see cref="LocalizedText.ReportMissing"/> checks it against the panel's languages once they are known.
    /// </summary>
    public LocalizedText? Localized(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        return Localized(value, Join(path, name));
    }

    /// <inheritdoc cref="Localized(Dictionary{string, JsonElement}, string, string)"/>
    public LocalizedText? Localized(JsonElement value, string at)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return LocalizedText.Of(value.GetString()!);
            case JsonValueKind.Object:
                var texts = new List<KeyValuePair<string, string>>();
                var ok = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (!LanguageTag().IsMatch(property.Name))
                    {
                        Problems.Add($"{at}.{property.Name}: is not a language tag such as en, de or pt-BR (a text per language is {{\"en\": \"…\", \"de\": \"…\"}})");
                        ok = false;
                    }
                    else if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        Problems.Add($"{at}.{property.Name}: must be text in double quotes, not {Kind(property.Value)}");
                        ok = false;
                    }
                    else if (texts.Exists(t => string.Equals(t.Key, property.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        Problems.Add($"{at}.{property.Name}: is given twice");
                        ok = false;
                    }
                    else
                    {
                        texts.Add(new(property.Name, property.Value.GetString()!));
                    }
                }

                if (ok && texts.Count == 0) Problems.Add($"{at}: is empty; give the text, or one per language as {{\"en\": \"…\"}}");
                return ok && texts.Count > 0 ? LocalizedText.Of(texts) : null;
            default:
                Problems.Add($"{at}: must be text in double quotes, or one text per language as {{\"en\": \"…\", \"de\": \"…\"}}, not {Kind(value)}");
                return null;
        }
    }

    public List<string>? TextList(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        var at = Join(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problems.Add($"{at}: must be a list in square brackets, such as [\"a\", \"b\"], not {Kind(value)}");
            return null;
        }

        var result = new List<string>();
        var i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.String) result.Add(entry.GetString()!);
            else Problems.Add($"{at}[{i}]: must be text in double quotes, not {Kind(entry)}");
            i++;
        }

        return result;
    }

    /// <summary>An instant with a date, a time of day and a UTC offset: a date alone or a local time is ambiguous by hours.</summary>
    public DateTimeOffset? Instant(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (!Present(fields, name, out var value)) return null;
        var at = Join(path, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            Problems.Add($"{at}: must be a date and time in double quotes, such as \"2026-12-01T09:00:00Z\", not {Kind(value)}");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (DateOnlyPattern().IsMatch(text))
        {
            Problems.Add($"{at}: '{text}' has no time of day; give the instant, such as {text}T09:00:00+01:00 (a date alone would be read as midnight UTC, which is the evening before in the Americas)");
            return null;
        }

        if (!InstantPattern().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            Problems.Add($"{at}: '{text}' is not a date and time such as 2026-12-01T09:00:00Z (year-month-day, T, hours:minutes, and Z or an offset such as +01:00)");
            return null;
        }

        if (!OffsetPattern().IsMatch(text))
        {
            Problems.Add($"{at}: '{text}' has no UTC offset; add Z for UTC or the offset of the study's place, such as {text}+01:00");
            return null;
        }

        return parsed;
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static bool Present(Dictionary<string, JsonElement> fields, string name, out JsonElement value) =>
        fields.TryGetValue(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(Tracker.Engine.Instruments.InstrumentValidator.LanguagePattern, RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InstantPattern();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
