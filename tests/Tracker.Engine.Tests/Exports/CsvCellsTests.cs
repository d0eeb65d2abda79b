using Tracker.Engine.Exports;
using Tracker.Model.Time;

namespace Tracker.Engine.Tests.Exports;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_run_gets_an_apostrophe(string value, string expected) =>
        Assert.Equal(expected, CsvCells.Text(value));

    [Fact]
    public void Numbers_stay_numbers_even_when_negative_and_use_the_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("-2", CsvCells.Number(-2));
            Assert.Equal("4.333333333333333", CsvCells.Number(13.0 / 3));
            Assert.Equal("", CsvCells.Number((double?)null));
            Assert.Equal("", CsvCells.Number(double.NaN));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Timestamps_are_utc_iso_8601_with_a_z()
    {
        var berlin = new DateTimeOffset(2026, 12, 1, 9, 30, 5, 250, TimeSpan.FromHours(1));
        Assert.Equal("2026-12-01T08:30:05.250Z", CsvCells.Timestamp(berlin));
    }

    [Fact]
    public void Days_count_from_the_participants_first_answered_wave_to_four_decimals()
    {
        var first = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(0, ModelTimeAxis.Between(first, first));
        Assert.Equal(7.5, ModelTimeAxis.Between(first, first.AddDays(7.5)));
        Assert.Equal(1.0417, ModelTimeAxis.Between(first, first.AddHours(25)));
    }
}
