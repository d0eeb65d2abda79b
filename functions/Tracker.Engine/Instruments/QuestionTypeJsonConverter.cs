using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Engine.Instruments;

/// <summary>
/// Question types exactly as documented (<c>singleChoice</c>, …): the general enum converter also takes
/// <c>"SingleChoice"</c> or <c>"singlechoice"</c>, which would make the documented spelling one of many.
/// </summary>
public sealed class QuestionTypeJsonConverter : JsonConverter<QuestionType>
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<QuestionType>().Select(Name)];

    public static string Name(QuestionType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    public override QuestionType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            if (string.Equals(text, Name(type), StringComparison.Ordinal))
            {
                return type;
            }
        }

        throw new InstrumentJsonException($"is not a question type (one of {string.Join(", ", Names)})");
    }

    public override void Write(Utf8JsonWriter writer, QuestionType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Name(value));
    }
}
