using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Engine.Instruments;

/// <summary>The one JSON form of an instrument (camelCase), used both for researchers' definitions and for storage.</summary>
public static class InstrumentJson
{
    /// <summary>
    /// camelCase, case-sensitive, and unknown members refused: a misspelt <c>"reverse"</c> instead of <c>"reversed"</c>
    /// must be an error, not an item silently scored the wrong way round.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(Instrument instrument) => JsonSerializer.Serialize(instrument, Options);

    /// <summary>Reads an instrument this application stored; throws on anything unreadable, since stored instruments were validated on the way in.</summary>
    public static Instrument Deserialize(string json) =>
        JsonSerializer.Deserialize<Instrument>(json, Options) ?? throw new JsonException("The instrument JSON is null.");

    /// <summary>Reads and validates a researcher's instrument; <paramref name="problems"/> lists everything wrong, each prefixed by <paramref name="path"/>.</summary>
    public static bool TryRead(string json, out Instrument? instrument, out IReadOnlyList<string> problems, string path = "instrument")
    {
        try
        {
            instrument = JsonSerializer.Deserialize<Instrument>(json, Options);
        }
        catch (JsonException ex)
        {
            return Unreadable(ex, path, out instrument, out problems);
        }

        return Checked(instrument, path, out problems);
    }

    /// <inheritdoc cref="TryRead(string, out Instrument?, out IReadOnlyList{string}, string)"/>
    public static bool TryRead(JsonElement element, out Instrument? instrument, out IReadOnlyList<string> problems, string path = "instrument")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            instrument = null;
            problems = [$"{path}: must be an object"];
            return false;
        }

        try
        {
            instrument = element.Deserialize<Instrument>(Options);
        }
        catch (JsonException ex)
        {
            return Unreadable(ex, path, out instrument, out problems);
        }

        return Checked(instrument, path, out problems);
    }

    private static bool Checked(Instrument? instrument, string path, out IReadOnlyList<string> problems)
    {
        problems = InstrumentValidator.Validate(instrument, path);
        return problems.Count == 0;
    }

    private static bool Unreadable(JsonException ex, string path, out Instrument? instrument, out IReadOnlyList<string> problems)
    {
        instrument = null;
        // The serializer's path starts at "$"; re-root it where the instrument sits in the caller's document.
        var where = (ex.Path is { Length: > 0 } p ? path + p.TrimStart('$') : path) + (ex is InstrumentJsonException own ? own.Inner : "");
        problems = [$"{where}: {Reason(ex)}"];
        return false;
    }

    // The serializer's own messages name .NET types, which mean nothing to a researcher writing JSON.
    private static string Reason(JsonException ex)
    {
        if (ex is InstrumentJsonException { Worded: true })
        {
            return ex.Message;
        }

        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known property (names are camelCase: id, title, introduction, language, scale, min, max, labels, constructs, name, layer, items, text, reversed, required, pages, construct, type, choices, code, label, integer, maxLength, waves, condition, translations)";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return "has the wrong JSON type";
        }

        return ex.LineNumber is { } line
            ? $"is not valid JSON (line {line + 1}, position {ex.BytePositionInLine + 1})"
            : "is not valid JSON";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // No dictionary key policy: translation keys are language tags, ids and choice codes, kept exactly as written.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            MaxDepth = 16,
        };
        options.Converters.Add(new QuestionTypeJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
