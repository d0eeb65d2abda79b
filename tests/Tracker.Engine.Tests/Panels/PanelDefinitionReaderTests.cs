using System.Text.Json;
using Tracker.Engine.Common;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Panels;

/// <summary>Panel definitions read so that every problem shows at once, by JSON path, in words without .NET in them.</summary>
public sealed class PanelDefinitionReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var read = new List<string>();
        var definition = PanelDefinitionReader.Read(document.RootElement, read);
        return PanelDefinitionValidator.Validate(definition, "pabc", Now, read).Problems;
    }

    private static string Path(string problem) => problem[..problem.IndexOf(": ", StringComparison.Ordinal)];

    [Fact]
    public void A_bad_date_a_misspelt_property_negative_waves_and_months_are_all_reported_at_once()
    {
        var problems = Problems("""
            {"name":"Pilot","instrument":"default","stakholders":["a@example.org"],
             "schedule":{"start":"2026-13-45T09:00:00Z","waves":-2,"interval":"P1M","window":"P7D"}}
            """);

        Assert.Equal(["stakholders", "schedule.start", "schedule.waves", "schedule.interval"], problems.Select(Path).ToArray());
        Assert.Contains("did you mean 'stakeholders'?", problems[0], StringComparison.Ordinal);
        Assert.Contains("is not a date and time such as", problems[1], StringComparison.Ordinal);
        // Nothing a researcher writing JSON cannot read: no .NET type names, no serializer advice.
        Assert.All(problems, p => Assert.DoesNotMatch("System\\.|Nullable|Tracker\\.|reader options|LineNumber", p));
    }

    [Fact]
    public void A_date_without_a_time_or_an_offset_is_refused_with_what_it_would_have_meant()
    {
        var dateOnly = Problems("""{"name":"P","instrument":"default","schedule":{"start":"2026-12-01","waves":3,"interval":"P7D","window":"P5D"}}""");
        var local = Problems("""{"name":"P","instrument":"default","schedule":{"start":"2026-12-01T09:00","waves":3,"interval":"P7D","window":"P5D"}}""");

        Assert.Equal("schedule.start", Path(Assert.Single(dateOnly)));
        Assert.Contains("has no time of day", dateOnly[0], StringComparison.Ordinal);
        Assert.Contains("midnight UTC", dateOnly[0], StringComparison.Ordinal);
        Assert.Contains("has no UTC offset", Assert.Single(local), StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_in_quotes_and_wrong_shapes_say_what_to_write()
    {
        var problems = Problems("""{"name":7,"instrument":"default","stakeholders":"a@example.org","schedule":{"start":"2026-12-01T09:00:00Z","waves":"4","interval":"P7D","window":"P5D"}}""");

        Assert.Equal(["name", "schedule.waves", "stakeholders"], problems.Select(Path).ToArray());
        Assert.Contains("write the number without quotes: 4", problems[1], StringComparison.Ordinal);
        Assert.Contains("must be a list", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_in_the_wrong_case_is_named_exactly()
    {
        var problems = Problems("""{"Name":"P","instrument":"default","schedule":{"start":"2026-12-01T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");

        Assert.Contains("Name: property names are case-sensitive; write 'name'", problems);
    }

    [Fact]
    public void A_valid_definition_reads_the_same_as_the_serializer_did()
    {
        const string json = """{"name":"Study","instrument":"default","timeZone":"Europe/Berlin","stakeholders":["a@example.org"],"minimumCellSize":7,"summaryCadence":"weekly","schedule":{"kind":"fixed","start":"2026-12-01T08:00:00+01:00","waves":6,"interval":"P14D","window":"P7D","sendTime":"09:00","reminders":["P2D"]}}""";
        using var document = JsonDocument.Parse(json);
        var read = new List<string>();
        var mine = PanelDefinitionValidator.Validate(PanelDefinitionReader.Read(document.RootElement, read), "p", Now, read);
        var theirs = PanelDefinitionValidator.Validate(JsonSerializer.Deserialize<PanelDefinition>(json, JsonSerializerOptions.Web), "p", Now);

        Assert.Empty(read);
        Assert.True(mine.IsValid, string.Join("; ", mine.Problems));
        Assert.Equal(ScheduleJson.Serialize(theirs.Value!.Schedule), ScheduleJson.Serialize(mine.Value!.Schedule));
        Assert.Equal(theirs.Value.Stakeholders, mine.Value.Stakeholders);
        Assert.Equal((theirs.Value.MinimumCellSize, theirs.Value.SummaryCadence, theirs.Value.DefaultTimeZone), (mine.Value.MinimumCellSize, mine.Value.SummaryCadence, mine.Value.DefaultTimeZone));
    }

    [Fact]
    public void A_start_so_far_in_the_past_that_every_wave_closed_is_refused_and_one_mid_wave_is_warned_about()
    {
        var ended = Problems("""{"name":"P","instrument":"default","schedule":{"start":"2026-10-01T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        Assert.Contains("all 3 wave(s) would already be closed", Assert.Single(ended), StringComparison.Ordinal);

        using var document = JsonDocument.Parse("""{"name":"P","instrument":"default","schedule":{"start":"2026-11-20T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        var panel = PanelDefinitionValidator.Validate(PanelDefinitionReader.Read(document.RootElement, []), "p", Now).Value!;
        var warnings = PanelDefinitionValidator.Warnings(panel, Now);
        // Wave 1 (20–25 Nov) closed before the panel existed; wave 2 (27 Nov – 2 Dec) is open now.
        Assert.Equal(2, warnings.Count);
        Assert.Contains("1 wave(s) closed before the panel existed", warnings[0], StringComparison.Ordinal);
        Assert.Contains("wave 2 is already open", warnings[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"P\",}", "line 1, column 13: a comma after the last entry")]
    [InlineData("{\"name\":\"P\"\n \"waves\":3}", "line 2, column 2: a comma is missing")]
    [InlineData("{\"name\":'P'}", "line 1, column 9: text must be in double quotes")]
    [InlineData("{\"name\":\"P\"", "the text ends before every { and [ is closed")]
    public void Malformed_json_is_described_by_line_column_and_cause(string json, string expected)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json));
        var described = JsonSyntax.Describe(exception);

        Assert.StartsWith("line ", described, StringComparison.Ordinal);
        Assert.Contains(expected, described, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", described, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sceduel", "schedule")]
    [InlineData("timezone", "timeZone")]
    [InlineData("minimumCelSize", "minimumCellSize")]
    public void A_misspelt_name_finds_its_closest_known_name(string typed, string expected) =>
        Assert.Equal(expected, NameSuggestion.Closest(typed, ["name", "instrument", "schedule", "timeZone", "stakeholders", "minimumCellSize", "summaryCadence"]));

    [Fact]
    public void A_name_like_none_gets_no_suggestion() =>
        Assert.Null(NameSuggestion.Closest("colour", ["name", "kind", "waves"]));
}
