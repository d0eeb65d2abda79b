using System.Text.Json;

namespace Tracker.Model.Models;

/// <summary>
/// Reads and writes <see cref="ModelDocument"/> through <see cref="ModelJsonContext"/> (no reflection); non-finite
/// numbers never reach it (<see cref="ModelDocumentFactory.N"/> stores them as absent).
/// </summary>
public static class ModelJson
{
    public static string Serialize(ModelDocument model) => JsonSerializer.Serialize(model, ModelJsonContext.Default.ModelDocument);

    public static byte[] SerializeToUtf8(ModelDocument model) => JsonSerializer.SerializeToUtf8Bytes(model, ModelJsonContext.Default.ModelDocument);

    public static ModelDocument Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ModelJsonContext.Default.ModelDocument) ?? throw new JsonException("The stored model is empty.");

    public static ModelDocument Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelDocument) ?? throw new JsonException("The stored model is empty.");
}
