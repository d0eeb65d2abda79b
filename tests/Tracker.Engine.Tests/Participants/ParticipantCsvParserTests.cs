using Tracker.Engine.Participants;

namespace Tracker.Engine.Tests.Participants;

public sealed class ParticipantCsvParserTests
{
    private static ParticipantCsv Parse(string text) => ParticipantCsvParser.Parse(new StringReader(text), "UTC");

    [Fact]
    public void Reads_every_column_and_defaults_the_time_zone()
    {
        var csv = Parse("email,external_id,time_zone\nana@example.org,A1,Europe/Berlin\nbo@example.org,,\n");
        Assert.Null(csv.FileProblem);
        Assert.Empty(csv.Rejected);
        Assert.Equal(new ParticipantRow(2, "ana@example.org", "A1", "Europe/Berlin"), csv.Rows[0]);
        Assert.Equal(new ParticipantRow(3, "bo@example.org", null, "UTC"), csv.Rows[1]);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_only_email_is_required()
    {
        var csv = Parse("time_zone,email\nAsia/Tokyo,ken@example.org\n");
        Assert.Equal(new ParticipantRow(2, "ken@example.org", null, "Asia/Tokyo"), Assert.Single(csv.Rows));
        Assert.Single(Parse("email\nx@example.org").Rows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,phone\nx,y")]
    [InlineData("email,email\na@example.org,b@example.org")]
    [InlineData("email,nickname\na@example.org,A")]
    public void A_bad_header_refuses_the_whole_file(string text)
    {
        var csv = Parse(text);
        Assert.NotNull(csv.FileProblem);
        Assert.Empty(csv.Rows);
    }

    [Fact]
    public void Bad_lines_are_reported_by_line_number_and_the_rest_kept()
    {
        var csv = Parse(string.Join('\n',
            "email,external_id,time_zone",
            "good@example.org,1,UTC",
            "no-at-sign,2,UTC",
            "two@@example.org,3,UTC",
            "zone@example.org,4,Mars/Olympus",
            "GOOD@example.org,5,UTC",
            "long@example.org," + new string('x', 65) + ",UTC",
            "extra@example.org,6,UTC,surplus",
            ",7,UTC",
            "spaced out@example.org,8,UTC",
            "last@example.org,9,"));
        Assert.Equal(["good@example.org", "last@example.org"], csv.Rows.Select(r => r.Email).ToArray());
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10], csv.Rejected.Select(r => r.Line).ToArray());
        Assert.Contains("duplicate of line 2", csv.Rejected.Single(r => r.Line == 6).Reason, StringComparison.Ordinal);
        Assert.Contains("time zone", csv.Rejected.Single(r => r.Line == 5).Reason, StringComparison.Ordinal);
        Assert.Contains("missing", csv.Rejected.Single(r => r.Line == 9).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_and_a_byte_order_mark_are_read_as_csv()
    {
        var csv = Parse("\uFEFFemail,external_id\n\"ana@example.org\",\"Ana, the first\"\n");
        Assert.Equal("Ana, the first", Assert.Single(csv.Rows).ExternalId);
    }

    [Fact]
    public void A_language_column_names_one_of_the_panels_languages_else_the_line_is_rejected_with_the_reason()
    {
        var csv = ParticipantCsvParser.Parse(new StringReader("email,language\nana@example.org,DE\nbo@example.org,\ncy@example.org,de-AT\ndi@example.org,fr\n"), "UTC", ["en", "de"]);

        Assert.Equal(["de", null, "de"], csv.Rows.Select(r => r.Language));
        var rejected = Assert.Single(csv.Rejected);
        Assert.Equal(5, rejected.Line);
        Assert.Equal("language 'fr' is not one of the panel's languages (en, de)", rejected.Reason);
    }
}
