using System.Globalization;
using CsvHelper;
using Tracker.Analysis;
using Tracker.Analysis.Data;
using Tracker.Cli.Analyze;

namespace Tracker.Cli.Tests;

/// <summary>The fast CSV reader against CsvHelper (the reader it replaced) and against the cases R's read.csv settles.</summary>
public class CsvTableLoaderTests
{
    [Fact]
    public void Reads_the_reference_panel_cell_for_cell_as_CsvHelper_does()
    {
        var path = CliRun.Reference("example_panel.csv");

        var table = CsvTableLoader.Load(path, "participant_id");

        using var reader = new CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        Assert.Equal(header, table.ColumnNames);
        var row = 0;
        while (reader.Read())
        {
            foreach (var name in header)
            {
                var text = reader.GetField(name)!;
                var column = table.Column(name);
                if (name == "participant_id") Assert.Equal(text, column.Texts![row]);
                else Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), column.Numbers![row]);
            }
            row++;
        }
        Assert.Equal(row, table.RowCount);
    }

    [Fact]
    public void Subject_codes_follow_first_appearance_and_spell_back_to_the_ids()
    {
        var table = Load("participant_id,wave,y\n007,1,1\n\"b, jr\",1,2\n007,2,3\n,2,4\n");

        var subject = table.Column("participant_id");
        Assert.Equal(["007", "b, jr"], GroupIndex.Build(subject).Labels);
        Assert.Equal([0, 1, 0, -1], GroupIndex.Build(subject).Codes);
        Assert.Equal(new string?[] { "007", "b, jr", "007", null }, subject.Texts!.AsEnumerable());
        Assert.Equal(4, subject.Length);
    }

    [Fact]
    public void Missing_values_spaces_and_blank_lines_read_as_read_csv_does()
    {
        var table = Load("participant_id,wave,y\r\n a , 1 , 2.5 \r\n\r\nb,2,NA\r\nc,3,\r\n");

        Assert.Equal(3, table.RowCount);
        Assert.Equal("a", table.Column("participant_id").Texts![0]);
        Assert.Equal([1.0, 2, 3], table.Numbers("wave"));
        var y = table.Numbers("y");
        Assert.Equal(2.5, y[0]);
        Assert.True(double.IsNaN(y[1]) && double.IsNaN(y[2]));
    }

    [Fact]
    public void A_column_with_text_stays_text_and_names_its_first_offending_value()
    {
        var table = Load("participant_id,wave,note\na,1,1.5\na,2,\nb,1,late\nb,2,1.5\n");

        var note = table.Column("note");
        Assert.False(note.IsNumeric);
        Assert.Equal(new string?[] { "1.5", null, "late", "1.5" }, note.Texts!.AsEnumerable());
        var error = Assert.Throws<AnalysisException>(() => table.Numbers("note"));
        Assert.Equal("column 'note' is not numeric: row 3 has 'late'", error.Message);
    }

    [Fact]
    public void A_semicolon_header_is_one_column_not_a_guessed_separator()
    {
        var table = Load("participant_id;wave\na;1\n");

        Assert.Equal(["participant_id;wave"], table.ColumnNames);
    }

    [Theory]
    [InlineData("a,a\n1,2\n", "has the column 'a' twice")]
    [InlineData("a,b\n1,2\n3\n", "row 2 has 1 fields but the header has 2")]
    [InlineData("", "is empty")]
    public void Malformed_files_are_named(string content, string expected)
    {
        var error = Assert.Throws<AnalysisException>(() => Load(content));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static LongTable Load(string content) => CsvTableLoader.Load(new StringReader(content), "participant_id");
}
