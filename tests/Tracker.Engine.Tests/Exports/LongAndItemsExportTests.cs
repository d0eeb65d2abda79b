using Tracker.Engine.Exports;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Exports;

public sealed class LongAndItemsExportTests
{
    private static readonly Instrument Instrument = DefaultInstrument.Instance;

    // Appended after the existing columns, whose order stays as it was.
    private static readonly string[] CarelessHeader = ["careless_longstring", "careless_irv", "careless_mahalanobis_d2", "careless_mahalanobis_p", "careless_even_odd", "seconds_to_submit", "careless_flags", "careless_flagged"];

    [Fact]
    public async Task Long_has_one_row_per_participant_and_answered_wave_with_days_from_their_first_answered_wave()
    {
        var panel = ExportSamples.Panel();
        var source = new InMemoryResponseSource([
            ExportSamples.Response("bbbbbbbbbbbbbbbb", 1, 6, TimeSpan.FromHours(2)),
            ExportSamples.Response("aaaaaaaaaaaaaaaa", 1, 5, TimeSpan.FromHours(1)),
            ExportSamples.Response("aaaaaaaaaaaaaaaa", 2, 4, TimeSpan.FromHours(13)),
            // Joined late: wave 2 is this participant's first, so their days start at 0 there.
            ExportSamples.Response("cccccccccccccccc", 2, 3, TimeSpan.FromHours(1)),
            ExportSamples.Response("cccccccccccccccc", 3, 3, TimeSpan.FromHours(1)) with { Complete = false },
        ]);

        var csv = await WriteAsync(writer => LongExportWriter.WriteAsync(source, panel, writer, CancellationToken.None));
        var rows = ExportSamples.ReadCsv(csv);

        Assert.Equal(["participant_id", "wave", "days", "submitted_at", .. Instrument.Constructs.Select(c => c.Id), .. CarelessHeader, "complete"], rows[0]);
        Assert.Equal(6, rows.Count);
        Assert.Equal(["1", "1", "1", "1", "0"], rows.Skip(1).Select(r => r[^1]));
        Assert.Equal(["aaaaaaaaaaaaaaaa", "1", "0", "2026-12-01T09:00:00.000Z"], rows[1][..4]);
        Assert.Equal(["bbbbbbbbbbbbbbbb", "1", "0"], rows[2][..3]);
        Assert.Equal(["aaaaaaaaaaaaaaaa", "2", "7.5", "2026-12-08T21:00:00.000Z"], rows[3][..4]);
        Assert.Equal(["cccccccccccccccc", "2", "0"], rows[4][..3]);
        Assert.Equal(["cccccccccccccccc", "3", "7"], rows[5][..3]);

        // Scores after reverse-keying: all answers 5 on a 1–7 scale → 5 for non-reversed, 3 for reversed items.
        var willingness = Instrument.Constructs.Single(c => c.Id == "willingness");
        var expected = willingness.Items.Average(i => i.Reversed ? 3.0 : 5.0);
        Assert.Equal(expected, double.Parse(rows[1][Array.IndexOf(rows[0], "willingness")], System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public async Task A_missing_score_is_an_empty_cell_and_the_header_matches_the_codebook_columns()
    {
        var panel = ExportSamples.Panel();
        var response = ExportSamples.Response("aaaaaaaaaaaaaaaa", 1, 5, TimeSpan.Zero);
        var scores = response.Scores.ToDictionary(p => p.Key, p => p.Value);
        scores["ugc"] = null;
        var source = new InMemoryResponseSource([response with { Scores = scores }]);

        var rows = ExportSamples.ReadCsv(await WriteAsync(writer => LongExportWriter.WriteAsync(source, panel, writer, CancellationToken.None)));

        Assert.Equal(ExportColumns.LongCsv(Instrument).Select(c => c.Name), rows[0]);
        Assert.Equal("", rows[1][Array.IndexOf(rows[0], "ugc")]);
    }

    [Fact]
    public async Task A_value_that_would_run_as_a_formula_is_neutralised_in_the_csv()
    {
        var panel = ExportSamples.Panel();
        var source = new InMemoryResponseSource([ExportSamples.Response("=cmd|'/C calc'!A0", 1, 5, TimeSpan.Zero)]);

        var csv = await WriteAsync(writer => LongExportWriter.WriteAsync(source, panel, writer, CancellationToken.None));

        Assert.Contains("\r\n'=cmd|'/C calc'!A0,1,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_export_every_answer_as_given_in_instrument_order()
    {
        var panel = ExportSamples.Panel();
        var source = new InMemoryResponseSource([
            ExportSamples.Response("aaaaaaaaaaaaaaaa", 1, 2, TimeSpan.Zero),
            ExportSamples.Response("aaaaaaaaaaaaaaaa", 2, 7, TimeSpan.FromDays(1)),
        ]);

        var rows = ExportSamples.ReadCsv(await WriteAsync(writer => ItemsExportWriter.WriteAsync(source, panel, writer, CancellationToken.None)));

        Assert.Equal(["participant_id", "wave", "days", "submitted_at", .. Instrument.Items.Select(i => i.Id), .. CarelessHeader], rows[0]);
        Assert.Equal(27, rows[1].Length - 4 - CarelessHeader.Length);
        Assert.All(rows[1][4..31], cell => Assert.Equal("2", cell));
        Assert.All(rows[2][4..31], cell => Assert.Equal("7", cell));
        Assert.Equal("8", rows[2][2]);
    }

    [Fact]
    public async Task Long_rows_reach_the_output_while_the_source_is_still_being_read()
    {
        var panel = ExportSamples.Panel(waves: 1);
        var output = new MemoryStream();
        long writtenWhenHalfRead = -1;
        var source = new CountingSource(200_000, read => { if (read == 100_000) writtenWhenHalfRead = output.Length; });

        await using (var writer = new StreamWriter(output, leaveOpen: true))
        {
            var rows = await LongExportWriter.WriteAsync(source, panel, writer, CancellationToken.None);
            Assert.Equal(200_000, rows);
        }

        // The first half is already in the output stream (bar a buffer) before the second half is read: nothing waits for the whole panel.
        // (The wave is read twice, its careless-answer indices first; this is the second read, which writes the rows.)
        Assert.True(writtenWhenHalfRead > output.Length / 3, $"{writtenWhenHalfRead} of {output.Length} bytes written at half-time");
    }

    private static async Task<string> WriteAsync(Func<TextWriter, Task<int>> write)
    {
        await using var writer = new StringWriter();
        await write(writer);
        return writer.ToString();
    }

    /// <summary>Generates responses on the fly and reports how many were read, so a test can see when output happens.</summary>
    private sealed class CountingSource(int count, Action<int> onRead) : IResponseSource
    {
        public async IAsyncEnumerable<Tracker.Engine.Responses.StoredResponse> ReadWaveAsync(string panelId, int wave, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var template = ExportSamples.Response("x", 1, 4, TimeSpan.Zero);
            for (var i = 0; i < count; i++)
            {
                onRead(i);
                if (i % 10_000 == 0) await Task.Yield();
                yield return template with { ParticipantId = i.ToString("D16", System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        public IAsyncEnumerable<string> ParticipantIdsAsync(string panelId, CancellationToken cancellationToken) => AsyncEnumerable.Empty<string>();
    }
}
