using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

public class DefaultInstrumentTests
{
    private static readonly string[] ExpectedConstructs =
        ["ugc", "interaction", "community", "ownership", "value", "identification", "participation", "diffusion", "willingness"];

    private readonly Instrument _instrument = DefaultInstrument.Instance;

    [Fact]
    public void Has_the_nine_constructs_of_the_model_in_order()
    {
        Assert.Equal("default", _instrument.Id);
        Assert.Equal(DefaultInstrument.Id, _instrument.Id);
        Assert.Equal(ExpectedConstructs, _instrument.Constructs.Select(c => c.Id));
    }

    [Fact]
    public void Places_constructs_in_the_behaviour_psychology_outcome_layers()
    {
        var layers = _instrument.Constructs.ToDictionary(c => c.Id, c => c.Layer);
        Assert.All(new[] { "ugc", "interaction", "community" }, id => Assert.Equal("behaviour", layers[id]));
        Assert.All(new[] { "ownership", "value", "identification" }, id => Assert.Equal("psychology", layers[id]));
        Assert.All(new[] { "participation", "diffusion", "willingness" }, id => Assert.Equal("outcome", layers[id]));
    }

    [Fact]
    public void Has_three_items_per_construct_numbered_by_construct()
    {
        foreach (var construct in _instrument.Constructs)
        {
            Assert.Equal([$"{construct.Id}_1", $"{construct.Id}_2", $"{construct.Id}_3"], construct.Items.Select(i => i.Id));
            Assert.All(construct.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
        }

        Assert.Equal(27, _instrument.Items.Count());
        Assert.Equal(27, _instrument.Items.Select(i => i.Text).Distinct().Count());
    }

    [Fact]
    public void Reverse_keys_most_constructs_including_willingness()
    {
        var reversed = _instrument.Constructs.Where(c => c.Items.Any(i => i.Reversed)).Select(c => c.Id).ToList();
        Assert.Contains("willingness", reversed);
        Assert.True(reversed.Count >= 5, $"only {reversed.Count} constructs have a reverse-keyed item");
        // A construct made only of reversed items would defeat the purpose of mixing directions.
        Assert.All(_instrument.Constructs, c => Assert.Contains(c.Items, i => !i.Reversed));
    }

    [Fact]
    public void Uses_a_labelled_seven_point_agreement_scale()
    {
        var scale = _instrument.Scale;
        Assert.Equal(1, scale.Min);
        Assert.Equal(7, scale.Max);
        Assert.Equal(7, scale.Labels.Count);
        Assert.Equal("Strongly disagree", scale.Labels[0]);
        Assert.Equal("Strongly agree", scale.Labels[^1]);
        Assert.Equal(7, scale.Reverse(1));
        Assert.Equal(4, scale.Reverse(4));
    }

    [Fact]
    public void Passes_its_own_validation()
    {
        Assert.Empty(InstrumentValidator.Validate(_instrument));
    }

    [Fact]
    public void Survives_a_json_round_trip()
    {
        var json = InstrumentJson.Serialize(_instrument);
        var back = InstrumentJson.Deserialize(json);

        Assert.Contains("\"constructs\":", json, StringComparison.Ordinal);
        Assert.Contains("\"reversed\":true", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Id\"", json, StringComparison.Ordinal);
        Assert.Equal(json, InstrumentJson.Serialize(back));
        Assert.Equal(_instrument.Items.Select(i => (i.Id, i.Text, i.Reversed)), back.Items.Select(i => (i.Id, i.Text, i.Reversed)));
    }
}
