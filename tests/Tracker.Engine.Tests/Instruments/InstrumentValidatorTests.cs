using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

public class InstrumentValidatorTests
{
    private static readonly ResponseScale FivePoint = new(1, 5, ["a", "b", "c", "d", "e"]);

    private static Instrument Valid() => new(
        "custom",
        "A custom survey",
        "Please answer.",
        FivePoint,
        [
            new Construct("trust", "Trust", "psychology", [new Item("trust_1", "I trust it.", false), new Item("trust_2", "I doubt it.", true)]),
            new Construct("use", "Use", "behaviour", [new Item("use_1", "I use it.", false)]),
        ]);

    private static Instrument WithConstructs(params Construct[] constructs) => Valid() with { Constructs = constructs };

    private static Construct WithItems(string id, params Item[] items) => new(id, "Name", "outcome", items);

    [Fact]
    public void Accepts_a_valid_instrument()
    {
        Assert.Empty(InstrumentValidator.Validate(Valid()));
    }

    [Fact]
    public void Refuses_pages_until_the_form_can_show_them_rather_than_drop_their_questions()
    {
        var json = InstrumentJson.Serialize(Valid()).Replace("\"pages\":null", """
            "pages":[{"id":"about","items":[{"construct":"trust","question":null},{"construct":null,"question":{"id":"age","type":"number","text":"Age?"}}]}]
            """.Trim(), StringComparison.Ordinal);

        Assert.False(InstrumentJson.TryRead(json, out _, out var problems));
        Assert.StartsWith("instrument.pages: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_instrument()
    {
        Assert.Equal(["instrument: is required"], InstrumentValidator.Validate(null));
    }

    [Fact]
    public void Names_the_path_of_a_bad_item_id()
    {
        var problems = InstrumentValidator.Validate(WithConstructs(
            WithItems("a", new Item("a_1", "x", false)),
            WithItems("b", new Item("b_1", "x", false)),
            WithItems("c", new Item("C-1", "x", false))));

        Assert.Contains("instrument.constructs[2].items[0].id: must match ^[a-z][a-z0-9]*_[0-9]+$", problems);
    }

    [Fact]
    public void Uses_the_path_prefix_it_is_given()
    {
        var problems = InstrumentValidator.Validate(Valid() with { Title = "" }, "panel.instrument");
        Assert.Equal(["panel.instrument.title: is required"], problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Trust")]
    [InlineData("1trust")]
    [InlineData("trust_x")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc")]
    public void Refuses_construct_ids_outside_the_pattern(string id)
    {
        var problems = InstrumentValidator.Validate(WithConstructs(WithItems(id, new Item($"{id}_1", "x", false))));
        Assert.Contains(problems, p => p.StartsWith("instrument.constructs[0].id: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_duplicate_construct_and_item_ids()
    {
        var problems = InstrumentValidator.Validate(WithConstructs(
            WithItems("a", new Item("a_1", "x", false), new Item("a_1", "y", false)),
            WithItems("a", new Item("a_2", "z", false))));

        Assert.Contains("instrument.constructs[0].items[1].id: \"a_1\" is used by an earlier item", problems);
        Assert.Contains("instrument.constructs[1].id: \"a\" is used by an earlier construct", problems);
    }

    [Fact]
    public void Requires_item_ids_to_start_with_their_construct_id()
    {
        var problems = InstrumentValidator.Validate(WithConstructs(WithItems("trust", new Item("use_1", "x", false))));
        Assert.Equal(["instrument.constructs[0].items[0].id: must start with its construct id \"trust_\""], problems);
    }

    [Fact]
    public void Refuses_empty_overlong_and_control_character_text()
    {
        var problems = InstrumentValidator.Validate(WithConstructs(WithItems("a",
            new Item("a_1", "  ", false),
            new Item("a_2", new string('x', 501), false),
            new Item("a_3", "tab\there", false),
            new Item("a_4", "bidi \u202Eevil", false),
            new Item("a_5", new string('x', 500), false))));

        Assert.Equal(
        [
            "instrument.constructs[0].items[0].text: is required",
            "instrument.constructs[0].items[1].text: must be at most 500 characters, has 501",
            "instrument.constructs[0].items[2].text: must not contain control characters",
            "instrument.constructs[0].items[3].text: must not contain control characters",
        ], problems);
    }

    [Fact]
    public void Allows_line_breaks_only_in_the_introduction()
    {
        Assert.Empty(InstrumentValidator.Validate(Valid() with { Introduction = "One.\n\nTwo." }));
        Assert.Equal(["instrument.title: must not contain control characters"], InstrumentValidator.Validate(Valid() with { Title = "One\nTwo" }));
    }

    [Fact]
    public void Limits_constructs_to_between_1_and_40()
    {
        Assert.Equal(["instrument.constructs: must have 1 to 40 constructs, has 0"], InstrumentValidator.Validate(WithConstructs()));

        var many = Enumerable.Range(0, 41).Select(i => WithItems($"c{i}", new Item($"c{i}_1", "x", false))).ToArray();
        Assert.Equal(["instrument.constructs: must have 1 to 40 constructs, has 41"], InstrumentValidator.Validate(WithConstructs(many)));
        Assert.Empty(InstrumentValidator.Validate(WithConstructs(many[..40])));
    }

    [Fact]
    public void Limits_items_to_between_1_and_20_per_construct()
    {
        Assert.Equal(["instrument.constructs[0].items: must have 1 to 20 items, has 0"], InstrumentValidator.Validate(WithConstructs(WithItems("a"))));

        var many = Enumerable.Range(1, 21).Select(i => new Item($"a_{i}", "x", false)).ToArray();
        Assert.Equal(["instrument.constructs[0].items: must have 1 to 20 items, has 21"], InstrumentValidator.Validate(WithConstructs(WithItems("a", many))));
        Assert.Empty(InstrumentValidator.Validate(WithConstructs(WithItems("a", many[..20]))));
    }

    [Fact]
    public void Requires_min_below_max()
    {
        var problems = InstrumentValidator.Validate(Valid() with { Scale = new ResponseScale(5, 5, ["x"]) });
        Assert.Equal(["instrument.scale: min (5) must be less than max (5)"], problems);
    }

    [Fact]
    public void Requires_2_to_11_points()
    {
        var twelve = Enumerable.Range(0, 12).Select(i => $"p{i}").ToArray();
        Assert.Equal(["instrument.scale: must have 2 to 11 points, has 12"], InstrumentValidator.Validate(Valid() with { Scale = new ResponseScale(0, 11, twelve) }));
        Assert.Empty(InstrumentValidator.Validate(Valid() with { Scale = new ResponseScale(0, 10, twelve[..11]) }));
        Assert.Empty(InstrumentValidator.Validate(Valid() with { Scale = new ResponseScale(0, 1, ["No", "Yes"]) }));
    }

    [Fact]
    public void Requires_one_label_per_point()
    {
        var problems = InstrumentValidator.Validate(Valid() with { Scale = new ResponseScale(1, 5, ["a", "b", "", "d"]) });
        Assert.Equal(
        [
            "instrument.scale.labels: must name each of the 5 points from 1 to 5, has 4",
            "instrument.scale.labels[2]: is required",
        ], problems);
    }

    [Fact]
    public void Lists_every_problem_at_once()
    {
        var broken = new Instrument(
            "",
            "",
            "fine",
            new ResponseScale(7, 1, ["x"]),
            [
                new Construct("ok", "", "behaviour", [new Item("ok_1", "", false)]),
                new Construct("Bad", "Bad", "Not A Layer", [new Item("bad_1", "x", false)]),
                null!,
                new Construct("empty", "Empty", "outcome", null!),
            ]) { Language = "" };

        var problems = InstrumentValidator.Validate(broken);

        Assert.Equal(
        [
            "instrument.id: is required",
            "instrument.title: is required",
            "instrument.language: is required",
            "instrument.scale: min (7) must be less than max (1)",
            "instrument.constructs[0].name: is required",
            "instrument.constructs[0].items[0].text: is required",
            "instrument.constructs[1].id: must match ^[a-z][a-z0-9]{0,31}$",
            "instrument.constructs[1].layer: must match ^[a-z][a-z0-9_-]{0,31}$",
            "instrument.constructs[2]: is required",
            "instrument.constructs[3].items: is required",
        ], problems);
    }

    [Fact]
    public void Reads_json_and_reports_missing_members_as_problems()
    {
        const string json = """
            {"id":"x","title":"T","introduction":"","scale":{"min":1,"max":3,"labels":["a","b","c"]},
             "constructs":[{"id":"c","name":"C","layer":"outcome","items":[{"id":"c_1","reversed":true}]}]}
            """;

        Assert.False(InstrumentJson.TryRead(json, out _, out var problems));
        Assert.Equal(["instrument.constructs[0].items[0].text: is required"], problems);
    }

    [Fact]
    public void Reads_json_and_refuses_misspelt_members_with_their_path()
    {
        const string json = """
            {"id":"x","title":"T","introduction":"","scale":{"min":1,"max":3,"labels":["a","b","c"]},
             "constructs":[{"id":"c","name":"C","layer":"outcome","items":[{"id":"c_1","text":"t","reverse":true}]}]}
            """;

        Assert.False(InstrumentJson.TryRead(json, out var instrument, out var problems, "panel.instrument"));
        Assert.Null(instrument);
        var problem = Assert.Single(problems);
        Assert.StartsWith("panel.instrument.constructs[0].items[0]", problem, StringComparison.Ordinal);
        Assert.Contains("reverse", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_valid_json()
    {
        const string json = """
            {"id":"x","title":"T","introduction":"","language":"de-CH","scale":{"min":1,"max":3,"labels":["a","b","c"]},
             "constructs":[{"id":"c","name":"C","layer":"outcome","items":[{"id":"c_1","text":"t","reversed":true}]}]}
            """;

        Assert.True(InstrumentJson.TryRead(json, out var instrument, out var problems), string.Join("; ", problems));
        Assert.NotNull(instrument);
        Assert.Equal("de-CH", instrument.Language);
        Assert.True(Assert.Single(instrument.Items).Reversed);
    }
}
