using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;

namespace Tracker.Engine.Tests.Sealing;

public sealed class SealedWaveCsvTests
{
    private static readonly Instrument Instrument = DefaultInstrument.Instance;

    [Fact]
    public async Task Rows_read_back_exactly_as_written_including_missing_answers_and_scores()
    {
        var at = new DateTimeOffset(2026, 11, 28, 9, 15, 30, TimeSpan.Zero).AddTicks(1234567);
        var full = Instrument.Items.Select((item, i) => (item.Id, Value: i % 7 + 1)).ToDictionary(p => p.Id, p => p.Value);
        var partial = full.Where(p => !p.Key.StartsWith("ugc", StringComparison.Ordinal)).ToDictionary();
        StoredResponse[] rows =
        [
            new("p23456789ab", 3, "AAAAAAAAAAAAAAAA", full, Instrument.Constructs.ToDictionary(c => c.Id, c => (double?)(13.0 / 3)), at, at.AddMinutes(5), 2, 37.25),
            new("p23456789ab", 3, "=cmd|quoted,\"id\"", partial, Instrument.Constructs.ToDictionary(c => c.Id, c => c.Id == "ugc" ? null : (double?)0.1), at, at, 1),
        ];

        using var buffer = new StringWriter();
        Assert.Equal(2, await SealedWaveCsv.WriteAsync(Instrument, ToAsync(rows), buffer, CancellationToken.None));
        var csv = buffer.ToString();
        Assert.StartsWith("participant_id,wave,submitted_at,first_submitted_at,revision,ugc_1,", csv, StringComparison.Ordinal);

        var read = new List<StoredResponse>();
        await foreach (var row in SealedWaveCsv.ReadAsync("p23456789ab", Instrument, new StringReader(csv), CancellationToken.None)) read.Add(row);
        Assert.Equal(rows.Length, read.Count);
        foreach (var (expected, actual) in rows.Zip(read))
        {
            Assert.Equal((expected.PanelId, expected.Wave, expected.ParticipantId, expected.FirstSubmittedAt, expected.SubmittedAt, expected.Revision, expected.SecondsToSubmit),
                (actual.PanelId, actual.Wave, actual.ParticipantId, actual.FirstSubmittedAt, actual.SubmittedAt, actual.Revision, actual.SecondsToSubmit));
            Assert.Equal(expected.Answers.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Answers.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(expected.Scores.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Scores.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task The_models_reader_gives_each_row_the_values_the_response_reader_gives()
    {
        var instrument = Tracker.Engine.Tests.Forms.PagedInstrument.Instance;
        var at = new DateTimeOffset(2026, 11, 28, 9, 15, 30, TimeSpan.Zero).AddTicks(1234567);
        var full = instrument.Items.Select((item, i) => (item.Id, Value: i % 7 + 1)).ToDictionary(p => p.Id, p => p.Value);
        var gaps = full.Where((_, i) => i % 3 != 1).ToDictionary();
        var scores = instrument.Constructs.Select((c, i) => (c.Id, Value: i % 2 == 0 ? (double?)(13.0 / 3 + i) : null)).ToDictionary(p => p.Id, p => p.Value);
        StoredResponse[] rows =
        [
            new("p", 2, "AAAAAAAAAAAAAAAA", full, scores, at, at.AddMinutes(5), 2, 37.25),
            new("p", 2, "=cmd|quoted,\"id\"", gaps, scores, at, at.AddTicks(1), 1) { Complete = false, Other = new Dictionary<string, string> { ["comment"] = "two\nlines, \"quoted\"" } },
            new("p", 2, "BBBBBBBBBBBBBBBB", new Dictionary<string, int>(), instrument.Constructs.ToDictionary(c => c.Id, _ => (double?)null), at, at, 1, 0.1),
        ];
        using var buffer = new StringWriter();
        await SealedWaveCsv.WriteAsync(instrument, ToAsync(rows), buffer, CancellationToken.None);
        var csv = buffer.ToString();

        var expected = new List<(string, DateTimeOffset, double?, bool, double[], double[])>();
        var byResponse = new Tracker.Engine.Models.ModelRow(instrument);
        await foreach (var response in SealedWaveCsv.ReadAsync("p", instrument, new StringReader(csv), CancellationToken.None))
        {
            byResponse.Load(response);
            expected.Add((byResponse.ParticipantId, byResponse.SubmittedAt, byResponse.SecondsToSubmit, byResponse.Complete, [.. byResponse.Answers], [.. byResponse.Scores]));
        }

        var actual = new List<(string, DateTimeOffset, double?, bool, double[], double[])>();
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        await foreach (var row in SealedWaveCsv.ReadRowsAsync(instrument, bytes, new Tracker.Engine.Models.ModelRow(instrument), CancellationToken.None))
        {
            Assert.True(row.OnlyInstrumentItems);
            actual.Add((row.ParticipantId, row.SubmittedAt, row.SecondsToSubmit, row.Complete, [.. row.Answers], [.. row.Scores]));
        }

        Assert.Equal(3, actual.Count);
        Assert.Equal(expected.Select(Text), actual.Select(Text));
        Assert.False(actual[1].Item4);
        Assert.Equal("=cmd|quoted,\"id\"", actual[1].Item1);
    }

    /// <summary>Every value of a model row as text, doubles by their bits (round-trip), so NaN compares equal to NaN.</summary>
    private static string Text((string Id, DateTimeOffset At, double? Seconds, bool Complete, double[] Answers, double[] Scores) row) =>
        string.Join('|', row.Id, row.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), row.Seconds?.ToString("R", System.Globalization.CultureInfo.InvariantCulture), row.Complete,
            string.Join(',', row.Answers.Select(BitConverter.DoubleToInt64Bits)), string.Join(',', row.Scores.Select(BitConverter.DoubleToInt64Bits)));

    [Fact]
    public async Task A_partial_response_and_the_other_answers_read_back_and_a_blob_from_before_pages_reads_as_complete()
    {
        var instrument = Tracker.Engine.Tests.Forms.PagedInstrument.Instance;
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        StoredResponse[] rows =
        [
            new("p", 1, "AAAAAAAAAAAAAAAA", new Dictionary<string, int>(), instrument.Constructs.ToDictionary(c => c.Id, _ => (double?)null), at, at, 1)
            {
                Complete = false,
                Other = new Dictionary<string, string> { ["age"] = "34", ["platforms"] = "yt;ig", ["comment"] = "two\nlines, \"quoted\"" },
            },
        ];

        using var buffer = new StringWriter();
        await SealedWaveCsv.WriteAsync(instrument, ToAsync(rows), buffer, CancellationToken.None);
        Assert.Contains(",seconds_to_submit,complete,age,platforms,born,later,comment", buffer.ToString(), StringComparison.Ordinal);
        var read = new List<StoredResponse>();
        await foreach (var row in SealedWaveCsv.ReadAsync("p", instrument, new StringReader(buffer.ToString()), CancellationToken.None)) read.Add(row);
        var back = Assert.Single(read);
        Assert.False(back.Complete);
        Assert.Equal(rows[0].Other.OrderBy(p => p.Key, StringComparer.Ordinal), back.Other.OrderBy(p => p.Key, StringComparer.Ordinal));

        // Sealed before pages: no complete column and no questions.
        const string before = "participant_id,wave,submitted_at,first_submitted_at,revision\r\nBBBBBBBBBBBBBBBB,1,2026-01-01T00:00:00.0000000+00:00,2026-01-01T00:00:00.0000000+00:00,1\r\n";
        var old = new List<StoredResponse>();
        await foreach (var row in SealedWaveCsv.ReadAsync("p", instrument, new StringReader(before), CancellationToken.None)) old.Add(row);
        Assert.True(Assert.Single(old).Complete);
        Assert.Empty(old[0].Other);
    }

    [Fact]
    public async Task A_file_without_the_key_columns_is_refused_with_its_name()
    {
        var problem = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in SealedWaveCsv.ReadAsync("p", Instrument, new StringReader("participant_id,wave\r\nA,1\r\n"), CancellationToken.None))
            {
            }
        });
        Assert.Contains("submitted_at", problem.Message, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<StoredResponse> ToAsync(IEnumerable<StoredResponse> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
