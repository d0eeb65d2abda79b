using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>
/// The stored model's serializer, generated at compile time: snake_case keys like <c>tracker analyze --json</c>
/// (names of fixed effects and constructs are dictionary keys and stay as lme4 and the instrument spell them), absent
/// values left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ModelDocument))]
public sealed partial class ModelJsonContext : JsonSerializerContext;
