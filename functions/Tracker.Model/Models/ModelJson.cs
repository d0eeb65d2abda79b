using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>
/// Reads and writes <see cref="ModelDocument"/>: snake_case keys like <c>tracker analyze --json</c> (names of fixed
/// effects and constructs are dictionary keys and stay as lme4 and the instrument spell them), non-finite numbers as
/// absent values.
/// </summary>
public static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize(ModelDocument model) => JsonSerializer.Serialize(model, Options);

    public static byte[] SerializeToUtf8(ModelDocument model) => JsonSerializer.SerializeToUtf8Bytes(model, Options);

    public static ModelDocument Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<ModelDocument>(utf8, Options) ?? throw new JsonException("The stored model is empty.");

    public static ModelDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ModelDocument>(json, Options) ?? throw new JsonException("The stored model is empty.");
}
