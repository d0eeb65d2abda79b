using System.Globalization;
using System.Text;
using Tracker.Analysis;
using Tracker.Analysis.Data;
using Tracker.Cli.Analyze;

namespace Tracker.Cli.Tests;

/// <summary>A CSV cut into slices parsed at the same time reads as the one-pass reader reads it, cell for cell.</summary>
public class CsvSlicesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Slices_read_the_reference_panel_as_one_pass_does(int slices)
    {
        var bytes = File.ReadAllBytes(CliRun.Reference("example_panel.csv"));
        Assert.True(CsvSlices.Cut(bytes, slices).Count > 2, "the reference panel should be cut");

        AssertSameTable(CsvTableLoader.Load(bytes, "participant_id", "panel", 1), CsvTableLoader.Load(bytes, "participant_id", "panel", slices));
    }

    [Fact]
    public void Cuts_fall_just_after_line_ends()
    {
        var bytes = Encoding.UTF8.GetBytes(Rows(100, _ => "1.5"));

        var cuts = CsvSlices.Cut(bytes, 4);

        Assert.Equal(5, cuts.Count);
        Assert.Equal(bytes.Length, cuts[^1]);
        Assert.All(cuts.Take(cuts.Count - 1), cut => Assert.Equal((byte)'\n', bytes[cut - 1]));
        Assert.Equal(cuts.OrderBy(c => c), cuts);
    }

    [Fact]
    public void A_file_with_quotes_is_one_slice_since_a_quoted_field_may_hold_a_line_end()
    {
        var bytes = Encoding.UTF8.GetBytes(Rows(100, _ => "1.5") + "\"b,\n jr\",1,2,3\n");

        Assert.Equal([bytes.Length], CsvSlices.Cut(bytes, 4));
        Assert.Equal("b,\n jr", CsvTableLoader.Load(bytes, "participant_id", "panel", 4).Column("participant_id").Texts![^1]);
    }

    [Fact]
    public void A_wrong_field_count_in_a_later_slice_names_the_row_one_pass_names()
    {
        // Blank lines before it are not rows, in any slice.
        var csv = Rows(200, i => i == 30 ? "1.5\n\n" : "1.5").Replace("p50,2,150,1.5\n", "p50,2,150\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(csv);

        var onePass = Assert.Throws<AnalysisException>(() => CsvTableLoader.Load(bytes, "participant_id", "panel", 1));
        var sliced = Assert.Throws<AnalysisException>(() => CsvTableLoader.Load(bytes, "participant_id", "panel", 4));

        Assert.Equal("panel row 151 has 3 fields but the header has 4", onePass.Message);
        Assert.Equal(onePass.Message, sliced.Message);
    }

    [Fact]
    public void A_column_that_turns_to_text_in_a_later_slice_reads_as_one_pass_does()
    {
        var bytes = Encoding.UTF8.GetBytes(Rows(200, i => i == 170 ? "late" : i % 2 == 0 ? "1.50" : ""));

        var onePass = CsvTableLoader.Load(bytes, "participant_id", "panel", 1);
        var sliced = CsvTableLoader.Load(bytes, "participant_id", "panel", 4);

        Assert.False(sliced.Column("note").IsNumeric);
        AssertSameTable(onePass, sliced);
        Assert.Equal("column 'note' is not numeric: row 171 has 'late'", Assert.Throws<AnalysisException>(() => sliced.Numbers("note")).Message);
    }

    /// <summary>Participants p0…p(n/2) answering twice, so later slices meet ids the first slice assigned codes to.</summary>
    private static string Rows(int rows, Func<int, string> note)
    {
        var csv = new StringBuilder("participant_id,wave,days,note\n");
        for (var i = 0; i < rows; i++) csv.Append(CultureInfo.InvariantCulture, $"p{i % (rows / 2)},{1 + i / (rows / 2)},{i},{note(i)}\n");
        return csv.ToString();
    }

    private static void AssertSameTable(LongTable expected, LongTable actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var column in expected.Columns)
        {
            var other = actual.Column(column.Name);
            Assert.Equal(column.IsNumeric, other.IsNumeric);
            if (column.IsNumeric) Assert.Equal(column.Numbers!, other.Numbers!);
            else
            {
                Assert.Equal(column.Texts!, other.Texts!);
                Assert.Equal(GroupIndex.Build(column).Codes, GroupIndex.Build(other).Codes);
                Assert.Equal(GroupIndex.Build(column).Labels, GroupIndex.Build(other).Labels);
            }
        }
    }
}
