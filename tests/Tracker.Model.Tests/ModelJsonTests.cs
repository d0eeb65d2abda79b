using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Model.Models;

namespace Tracker.Model.Tests;

/// <summary>The source-generated serializer keeps the stored documents' shape: the same JSON the reflection-based options wrote.</summary>
public sealed class ModelJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void The_generated_serializer_writes_what_the_reflection_options_wrote_and_reads_it_back()
    {
        var model = WillingnessModelFitter.Fit(SimulatedPanel.Input([30, 27, 24]));

        var generated = ModelJson.Serialize(model);

        Assert.Equal(JsonSerializer.Serialize(model, Reflection), generated);
        Assert.Equal(generated, ModelJson.Serialize(ModelJson.Deserialize(generated)));
    }
}
