using System.Text;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Tests.Participants;

/// <summary>A participant file is UTF-8 or refused, never stored garbled; and its optional first_name column.</summary>
public sealed class ParticipantCsvTextTests
{
    [Fact]
    public void A_latin1_file_is_refused_naming_the_line_of_the_first_bad_byte()
    {
        var bytes = Encoding.Latin1.GetBytes("email,first_name\nana@example.org,Ana\nmm@example.org,Müller\nzz@example.org,Zoë\n");

        Assert.Null(ParticipantCsvText.Decode(bytes, out var problem));
        Assert.Contains("the file is not UTF-8; save it as CSV UTF-8", problem, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("on line 3.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_or_without_a_byte_order_mark_is_read_as_written()
    {
        var text = "email,first_name\nmm@example.org,Müller\nzz@example.org,Zoë 李\n";
        var plain = Encoding.UTF8.GetBytes(text);
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();

        Assert.Equal(text, ParticipantCsvText.Decode(plain, out var none));
        Assert.Null(none);
        Assert.Equal(text, ParticipantCsvText.Decode(withBom, out _));
    }

    [Fact]
    public void A_file_cut_inside_a_character_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("email\na@example.org\nü")[..^1];
        Assert.Null(ParticipantCsvText.Decode(bytes, out var problem));
        Assert.EndsWith("on line 3.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void First_names_are_kept_per_row_and_bad_ones_refused_by_line()
    {
        var csv = ParticipantCsvParser.Parse(new StringReader(
            "first_name,email\nAnna,a@example.org\n,b@example.org\n" + new string('x', 101) + ",c@example.org\n\"Bo\u0007\",d@example.org\n"), "UTC");

        Assert.Null(csv.FileProblem);
        Assert.Equal(2, csv.Rows.Count);
        Assert.Equal("Anna", csv.Rows[0].FirstName);
        Assert.Null(csv.Rows[1].FirstName);
        Assert.Equal(new[] { "4: first_name is longer than 100 characters", "5: first_name contains control characters" }, csv.Rejected.Select(r => $"{r.Line}: {r.Reason}").ToArray());
    }
}
