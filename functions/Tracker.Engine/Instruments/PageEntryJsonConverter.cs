using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Engine.Instruments;

/// <summary>
/// Reads and writes a page entry the way researchers write it: flat, either <c>{"construct": "ownership"}</c> or a
/// question object (<c>{"id": "age", "type": "number", …}</c>), never a wrapper with two nullable halves.
/// </summary>
public sealed class PageEntryJsonConverter : JsonConverter<PageEntry>
{
    private const string ConstructProperty = "construct";

    public override PageEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InstrumentJsonException("must be an object: {\"construct\": \"…\"} or a question (id, type, text, …)");
        }

        // Look ahead on a copy: the first property decides nothing, so scan for "construct" among all of them.
        var scan = reader;
        var isConstruct = false;
        var depth = scan.CurrentDepth;
        while (scan.Read() && !(scan.TokenType == JsonTokenType.EndObject && scan.CurrentDepth == depth))
        {
            if (scan.TokenType == JsonTokenType.PropertyName && scan.CurrentDepth == depth + 1 && scan.ValueTextEquals(ConstructProperty))
            {
                isConstruct = true;
            }
        }

        if (!isConstruct)
        {
            try
            {
                return new PageEntry(null, JsonSerializer.Deserialize<Question>(ref reader, options));
            }
            catch (JsonException ex)
            {
                // The nested read reports its path from the question ("$.colour"); keep it so the researcher sees pages[0].items[2].colour.
                var inner = (ex.Path?.TrimStart('$') ?? "") + (ex is InstrumentJsonException own ? own.Inner : "");
                throw new InstrumentJsonException(ex.Message, inner, ex) { Worded = ex is InstrumentJsonException };
            }
        }

        string? construct = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // Only "construct" belongs in a construct entry; anything else is refused like any unknown member.
            if (!reader.ValueTextEquals(ConstructProperty))
            {
                throw new InstrumentJsonException($"a construct entry has only \"construct\" (the construct's id); '{reader.GetString()}' does not belong here");
            }

            reader.Read();
            construct = reader.TokenType == JsonTokenType.String
                ? reader.GetString()
                : throw new InstrumentJsonException("construct: must be a construct's id as a string");
        }

        return new PageEntry(construct, null);
    }

    public override void Write(Utf8JsonWriter writer, PageEntry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Question is { } question)
        {
            JsonSerializer.Serialize(writer, question, options);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(ConstructProperty, value.Construct);
        writer.WriteEndObject();
    }
}
