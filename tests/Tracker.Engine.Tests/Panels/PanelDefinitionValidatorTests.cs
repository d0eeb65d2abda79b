using System.Text.Json;
using Tracker.Engine.Instruments;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Panels;

public sealed class PanelDefinitionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static PanelDefinition Definition(string json) =>
        JsonSerializer.Deserialize<PanelDefinition>(json, JsonSerializerOptions.Web)!;

    [Fact]
    public void A_valid_definition_with_the_default_instrument_becomes_a_panel()
    {
        var result = PanelDefinitionValidator.Validate(Definition("""
            {"name":"Study","instrument":"default","timeZone":"Europe/Berlin","schedule":{"start":"2026-12-01T08:00:00+01:00","waves":6,"interval":"P14D","window":"P7D"}}
            """), "pabc", Now);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var panel = result.Value!;
        Assert.Same(DefaultInstrument.Instance.Constructs, panel.Instrument.Constructs);
        Assert.Null(panel.Instrument.Translations); // an English-only panel keeps no German texts
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), panel.Schedule.Start);
        Assert.Equal(TimeSpan.FromDays(14), panel.Schedule.Interval);
        Assert.Equal("Europe/Berlin", panel.DefaultTimeZone);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var result = PanelDefinitionValidator.Validate(Definition("""
            {"name":"","instrument":5,"timeZone":"Nowhere/Land","schedule":{"waves":0,"interval":"P1M","window":"x"}}
            """), "pabc", Now);
        Assert.False(result.IsValid);
        var prefixes = result.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "instrument", "timeZone", "schedule.start", "schedule.waves", "schedule.interval", "schedule.window" }, prefixes);
        Assert.Equal(7, prefixes.Count);
    }

    [Fact]
    public void A_window_longer_than_the_interval_is_refused()
    {
        var result = PanelDefinitionValidator.Validate(Definition("""
            {"name":"S","instrument":"default","schedule":{"start":"2026-12-01T08:00:00Z","waves":3,"interval":"P7D","window":"P8D"}}
            """), "pabc", Now);
        Assert.Contains(result.Problems, p => p.StartsWith("schedule.window:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_instrument_is_validated_with_its_paths()
    {
        var result = PanelDefinitionValidator.Validate(Definition("""
            {"name":"S","schedule":{"start":"2026-12-01T08:00:00Z","waves":1,"interval":"P7D","window":"P7D"},
             "instrument":{"id":"mine","title":"Mine","introduction":"","scale":{"min":1,"max":5,"labels":["a","b","c","d","e"]},
               "constructs":[{"id":"trust","name":"Trust","layer":"psychology","items":[{"id":"other_1","text":"I trust them.","reversed":false}]}]}}
            """), "pabc", Now);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("constructs[0].items[0].id", StringComparison.Ordinal));
    }

    [Fact]
    public void No_body_at_all_is_a_problem_not_an_exception()
    {
        Assert.False(PanelDefinitionValidator.Validate(null, "pabc", Now).IsValid);
    }
}
