using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using nietras.SeparatedValues;
using Tracker.Engine.Models;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Sealing;

/// <summary>
/// The format of a sealed wave: one row per response with <c>participant_id, wave, submitted_at, first_submitted_at,
/// revision</c>, every item answer (column = item id, as given, not reverse-keyed) and every construct score (column =
/// construct id), in instrument order, then <c>seconds_to_submit</c> (empty when the form was not timed), <c>complete</c>
/// (1, or 0 for a response whose last page was never submitted) and every other question's answer as stored
/// (column = question id, in page order). Unlike the exports it is written for Tracker to read back exactly: timestamps
/// keep their full precision (ISO-8601 round-trip "O") and scores their shortest round-trip form, so a row read from
/// the blob equals the row that was read from the table.
/// </summary>
public static class SealedWaveCsv
{
    public const string ParticipantId = "participant_id";
    public const string Wave = "wave";
    public const string SubmittedAt = "submitted_at";
    public const string FirstSubmittedAt = "first_submitted_at";
    public const string Revision = "revision";
    public const string SecondsToSubmit = "seconds_to_submit";
    public const string Complete = "complete";

    private static readonly CsvConfiguration Dialect = new(CultureInfo.InvariantCulture)
    {
        // Read back only by Tracker (exports apply their own injection guard), so values are stored exactly as they are.
        InjectionOptions = InjectionOptions.None,
    };

    public static IReadOnlyList<string> Header(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return [ParticipantId, Wave, SubmittedAt, FirstSubmittedAt, Revision, .. instrument.Items.Select(i => i.Id), .. instrument.Constructs.Select(c => c.Id), SecondsToSubmit, Complete, .. instrument.Questions.Select(q => q.Id)];
    }

    /// <summary>Writes the rows as they come and returns how many there were.</summary>
    public static async Task<int> WriteAsync(Instrument instrument, IAsyncEnumerable<StoredResponse> rows, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = new CsvWriter(writer, Dialect, leaveOpen: true);
        foreach (var name in Header(instrument)) csv.WriteField(name);
        await csv.NextRecordAsync().ConfigureAwait(false);
        var items = instrument.Items.Select(i => i.Id).ToArray();
        var constructs = instrument.Constructs.Select(c => c.Id).ToArray();
        var questions = instrument.Questions.Select(q => q.Id).ToArray();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            csv.WriteField(row.ParticipantId);
            csv.WriteField(row.Wave.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.SubmittedAt.ToString("O", CultureInfo.InvariantCulture));
            csv.WriteField(row.FirstSubmittedAt.ToString("O", CultureInfo.InvariantCulture));
            csv.WriteField(row.Revision.ToString(CultureInfo.InvariantCulture));
            foreach (var item in items)
            {
                csv.WriteField(row.Answers.TryGetValue(item, out var answer) ? answer.ToString(CultureInfo.InvariantCulture) : "");
            }

            foreach (var construct in constructs)
            {
                csv.WriteField(row.Scores.TryGetValue(construct, out var score) && score is { } s ? s.ToString("R", CultureInfo.InvariantCulture) : "");
            }

            csv.WriteField(row.SecondsToSubmit is { } seconds ? seconds.ToString("R", CultureInfo.InvariantCulture) : "");
            csv.WriteField(row.Complete ? "1" : "0");
            foreach (var question in questions)
            {
                csv.WriteField(row.Other.GetValueOrDefault(question) ?? "");
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
            count++;
        }

        await csv.FlushAsync().ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// Reads rows back. Columns are found by name, so a blob sealed before an instrument gained a column still reads
    /// (the missing answers are simply absent); a missing key column means the blob is not a sealed wave.
    /// </summary>
    public static async IAsyncEnumerable<StoredResponse> ReadAsync(string panelId, Instrument instrument, TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        using var csv = new CsvReader(reader, Dialect, leaveOpen: true);
        if (!await csv.ReadAsync().ConfigureAwait(false) || !csv.ReadHeader())
        {
            yield break;
        }

        var header = csv.HeaderRecord ?? [];
        int Index(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"The sealed wave has no '{name}' column.");
        var id = Index(ParticipantId);
        var wave = Index(Wave);
        var submitted = Index(SubmittedAt);
        var first = Index(FirstSubmittedAt);
        var revision = Index(Revision);
        // Blobs sealed before forms were timed have no such column.
        var secondsColumn = Array.IndexOf(header, SecondsToSubmit);
        // Nor a complete column or questions (every row then was a whole submission of construct items).
        var completeColumn = Array.IndexOf(header, Complete);
        var questions = instrument.Questions.Select(q => (q.Id, Index: Array.IndexOf(header, q.Id))).Where(c => c.Index >= 0).ToArray();
        var items = instrument.Items.Select(i => (i.Id, Index: Array.IndexOf(header, i.Id))).Where(c => c.Index >= 0).ToArray();
        var constructs = instrument.Constructs.Select(c => (c.Id, Index: Array.IndexOf(header, c.Id))).Where(c => c.Index >= 0).ToArray();
        var itemKeys = new ColumnKeys(items.Select(i => i.Id).ToArray());
        var constructKeys = new ColumnKeys(constructs.Select(c => c.Id).ToArray());

        while (await csv.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Rows share their column names (SharedKeyDictionary): a model holds every row of a panel at once.
            var answerValues = new int[items.Length];
            bool[]? answered = null;
            for (var i = 0; i < items.Length; i++)
            {
                var cell = csv.GetField(items[i].Index);
                if (string.IsNullOrEmpty(cell))
                {
                    answered ??= Enumerable.Repeat(true, items.Length).ToArray();
                    answered[i] = false;
                }
                else
                {
                    answerValues[i] = int.Parse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                }
            }

            var scoreValues = new double?[constructs.Length];
            for (var i = 0; i < constructs.Length; i++)
            {
                var cell = csv.GetField(constructs[i].Index);
                scoreValues[i] = string.IsNullOrEmpty(cell) ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            var answers = new SharedKeyDictionary<int>(itemKeys, answerValues, answered);
            var scores = new SharedKeyDictionary<double?>(constructKeys, scoreValues, null);
            var other = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (question, index) in questions)
            {
                if (csv.GetField(index) is { Length: > 0 } cell) other[question] = cell;
            }

            yield return new StoredResponse(
                panelId,
                int.Parse(csv.GetField(wave)!, NumberStyles.None, CultureInfo.InvariantCulture),
                csv.GetField(id)!,
                answers,
                scores,
                DateTimeOffset.ParseExact(csv.GetField(first)!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None),
                DateTimeOffset.ParseExact(csv.GetField(submitted)!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None),
                int.Parse(csv.GetField(revision)!, NumberStyles.None, CultureInfo.InvariantCulture),
                secondsColumn >= 0 && csv.GetField(secondsColumn) is { Length: > 0 } seconds ? double.Parse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture) : null)
            {
                Other = other,
                Complete = completeColumn < 0 || csv.GetField(completeColumn) != "0",
            };
        }
    }

    private static readonly SepReaderOptions RowOptions = new Sep(',').Reader(o => o with
    {
        HasHeader = true,
        Unescape = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    /// <summary>
    /// Reads the rows straight into <paramref name="row"/>, for the model: the participant, submission time, seconds to
    /// submit, complete flag, every item answer and construct score by position, parsed from the text's spans with the
    /// same parsers as <see cref="ReadAsync"/> (so the same numbers), and nothing else — no response object, no
    /// dictionary and no string per row (a participant's id is one string however many waves name it). Columns are
    /// found by name as <see cref="ReadAsync"/> finds them; a missing key column means the blob is not a sealed wave.
    /// </summary>
    public static async IAsyncEnumerable<ModelRow> ReadRowsAsync(Instrument instrument, Stream content, ModelRow row, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(row);
        using var reader = await RowOptions.FromAsync(content, cancellationToken).ConfigureAwait(false);
        var header = reader.Header.ColNames;
        if (header.Count == 0) yield break;
        var columns = RowColumns.Find(header, row);
        while (await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Fill(reader.Current, row);
            yield return row;
        }
    }

    /// <summary>Where <see cref="ReadRowsAsync"/> finds each of the row's values in the file (−1: no such column).</summary>
    private sealed class RowColumns
    {
        private int id, submitted, seconds, complete;
        private int[] items = [], constructs = [];

        public static RowColumns Find(IReadOnlyList<string> header, ModelRow row)
        {
            int Index(string name) => IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"The sealed wave has no '{name}' column.");
            var columns = new RowColumns { id = Index(ParticipantId), submitted = Index(SubmittedAt) };
            // The same key columns as ReadAsync demands, though the model reads none of them.
            _ = (Index(Wave), Index(FirstSubmittedAt), Index(Revision));
            columns.seconds = IndexOf(header, SecondsToSubmit);
            columns.complete = IndexOf(header, Complete);
            columns.items = [.. row.Items.Select(i => IndexOf(header, i))];
            columns.constructs = [.. row.Constructs.Select(c => IndexOf(header, c))];
            return columns;
        }

        public void Fill(SepReader.Row source, ModelRow row)
        {
            row.LoadParticipant(source[id].Span);
            row.SubmittedAt = DateTimeOffset.ParseExact(source[submitted].Span, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
            row.SecondsToSubmit = seconds >= 0 && source[seconds].Span is { Length: > 0 } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
            row.Complete = complete < 0 || !source[complete].Span.SequenceEqual("0");
            var answers = row.Answers;
            for (var i = 0; i < items.Length; i++)
            {
                var cell = items[i] < 0 ? default : source[items[i]].Span;
                // A rating is nearly always one digit: read as int.Parse reads it, without the call.
                answers[i] = cell.IsEmpty ? double.NaN
                    : cell.Length == 1 && char.IsAsciiDigit(cell[0]) ? cell[0] - '0'
                    : int.Parse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            var scores = row.Scores;
            for (var c = 0; c < constructs.Length; c++)
            {
                var cell = constructs[c] < 0 ? default : source[constructs[c]].Span;
                scores[c] = cell.IsEmpty ? double.NaN : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        private static int IndexOf(IReadOnlyList<string> header, string name)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (header[i] == name) return i;
            }

            return -1;
        }
    }
}
