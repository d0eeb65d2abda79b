using Tracker.Engine.Exports;

namespace Tracker.Engine.Tests.Exports;

public sealed class WideExportTests
{
    [Fact]
    public async Task Wide_has_one_row_per_participant_including_those_who_never_answered()
    {
        var panel = ExportSamples.Panel(waves: 3);
        var source = new InMemoryResponseSource(
            [
                ExportSamples.Response("aaaaaaaaaaaaaaaa", 1, 5, TimeSpan.FromHours(1)),
                ExportSamples.Response("aaaaaaaaaaaaaaaa", 3, 4, TimeSpan.FromHours(1)),
                ExportSamples.Response("cccccccccccccccc", 2, 6, TimeSpan.FromHours(2)),
            ],
            ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"]);

        await using var writer = new StringWriter();
        var count = await WideExportWriter.WriteAsync(source, panel, writer, CancellationToken.None);
        var rows = ExportSamples.ReadCsv(writer.ToString());

        Assert.Equal(3, count);
        Assert.Equal(ExportColumns.WideCsv(panel.Instrument, 3).Select(c => c.Name), rows[0]);
        Assert.Equal(1 + 3 * (2 + 9) + 3, rows[0].Length);
        Assert.Equal(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"], rows.Skip(1).Select(r => r[0]));

        string Cell(int row, string column) => rows[row][Array.IndexOf(rows[0], column)];
        Assert.Equal("0", Cell(1, "days_w1"));
        Assert.Equal("", Cell(1, "days_w2"));
        Assert.Equal("14", Cell(1, "days_w3"));
        Assert.Equal("", Cell(1, "willingness_w2"));
        Assert.Equal(("1", "", "1"), (Cell(1, "complete_w1"), Cell(1, "complete_w2"), Cell(1, "complete_w3")));
        Assert.NotEqual("", Cell(1, "willingness_w3"));
        Assert.All(rows[2][1..], cell => Assert.Equal("", cell));
        Assert.Equal("0", Cell(3, "days_w2"));
        Assert.Equal("2026-12-08T10:00:00.000Z", Cell(3, "submitted_at_w2"));
    }
}
