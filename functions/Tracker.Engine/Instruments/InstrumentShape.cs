using System.Text.Json;

namespace Tracker.Engine.Instruments;

/// <summary>
/// Checks a researcher's instrument JSON for unknown properties and wrong JSON types before it is read, reporting
/// every such problem by path: the serializer would stop at the first, and a researcher should fix a definition in
/// one round trip. What the values mean (ids, ranges, references) is <see cref="InstrumentValidator"/>'s job.
/// </summary>
public static class InstrumentShape
{
    private abstract record Shape;

    private sealed record Value(JsonValueKind Kind, string Expected, bool Whole = false) : Shape;

    private sealed record Object(IReadOnlyDictionary<string, Shape> Fields, params string[] Required) : Shape;

    private sealed record List(Shape Of) : Shape;

    private sealed record Map(Shape Of) : Shape;

    private sealed record Entry : Shape;

    private static readonly Value Text = new(JsonValueKind.String, "a string");
    private static readonly Value Number = new(JsonValueKind.Number, "a number");
    private static readonly Value WholeNumber = new(JsonValueKind.Number, "a whole number", Whole: true);
    private static readonly Value Flag = new(JsonValueKind.True, "true or false");

    private static readonly Object ChoiceShape = new(new Dictionary<string, Shape> { ["code"] = Text, ["label"] = Text });

    private static readonly Object QuestionShape = new(
        new Dictionary<string, Shape>
        {
            ["id"] = Text, ["type"] = Text, ["text"] = Text, ["required"] = Flag, ["choices"] = new List(ChoiceShape),
            ["min"] = Number, ["max"] = Number, ["integer"] = Flag, ["maxLength"] = WholeNumber,
            ["waves"] = new List(WholeNumber), ["condition"] = Text,
        },
        "type");

    private static readonly Object ConstructEntryShape = new(new Dictionary<string, Shape> { ["construct"] = Text });

    private static readonly Object PageShape = new(new Dictionary<string, Shape>
    {
        ["id"] = Text, ["title"] = Text, ["items"] = new List(new Entry()), ["waves"] = new List(WholeNumber), ["condition"] = Text,
    });

    private static readonly Object TranslationShape = new(new Dictionary<string, Shape>
    {
        ["title"] = Text, ["introduction"] = Text, ["scale"] = new List(Text), ["items"] = new Map(Text),
        ["choices"] = new Map(new Map(Text)), ["pages"] = new Map(Text),
    });

    private static readonly Object InstrumentObject = new(new Dictionary<string, Shape>
    {
        ["id"] = Text, ["title"] = Text, ["introduction"] = Text, ["language"] = Text,
        ["scale"] = new Object(new Dictionary<string, Shape> { ["min"] = WholeNumber, ["max"] = WholeNumber, ["labels"] = new List(Text) }),
        ["constructs"] = new List(new Object(new Dictionary<string, Shape>
        {
            ["id"] = Text, ["name"] = Text, ["layer"] = Text,
            ["items"] = new List(new Object(new Dictionary<string, Shape> { ["id"] = Text, ["text"] = Text, ["reversed"] = Flag, ["required"] = Flag })),
        })),
        ["pages"] = new List(PageShape),
        ["translations"] = new Map(TranslationShape),
    });

    /// <summary>Adds a problem for each unknown property and each value of the wrong JSON type in <paramref name="instrument"/>.</summary>
    public static void Check(JsonElement instrument, string path, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Check(InstrumentObject, instrument, path, problems);
    }

    private static void Check(Shape shape, JsonElement element, string path, List<string> problems)
    {
        // null stands for "not given"; whether that is allowed is the validator's call.
        if (element.ValueKind == JsonValueKind.Null) return;
        switch (shape)
        {
            case Value { Kind: JsonValueKind.True }:
                if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{path}: must be true or false");
                break;
            case Value value when element.ValueKind != value.Kind || (value.Whole && !element.TryGetInt32(out _)):
                problems.Add($"{path}: must be {value.Expected}");
                break;
            case Value:
                break;
            case List list when element.ValueKind != JsonValueKind.Array:
                problems.Add($"{path}: must be a list [ … ]");
                break;
            case List list:
                var i = 0;
                foreach (var child in element.EnumerateArray())
                {
                    Check(list.Of, child, $"{path}[{i++}]", problems);
                }

                break;
            case Entry:
                var isConstruct = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("construct", out _);
                Check(isConstruct ? ConstructEntryShape : QuestionShape, element, path, problems);
                break;
            case Map or Object when element.ValueKind != JsonValueKind.Object:
                problems.Add($"{path}: must be an object {{ … }}");
                break;
            case Map map:
                foreach (var property in element.EnumerateObject())
                {
                    Check(map.Of, property.Value, $"{path}.{property.Name}", problems);
                }

                break;
            case Object obj:
                var named = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!named.Add(property.Name))
                    {
                        problems.Add($"{path}.{property.Name}: is given twice");
                    }
                    else if (obj.Fields.TryGetValue(property.Name, out var field))
                    {
                        Check(field, property.Value, $"{path}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{property.Name}: is not a known property here (known: {string.Join(", ", obj.Fields.Keys)}; names are camelCase)");
                    }
                }

                foreach (var required in obj.Required.Where(r => !element.TryGetProperty(r, out _)))
                {
                    problems.Add($"{path}.{required}: is required");
                }

                break;
        }
    }
}
