using Tracker.Engine.Panels;

namespace Tracker.Engine.Exports;

/// <summary>
/// One row per participant × answered wave with every construct item's and question's answer as given, in form order
/// (not reverse-keyed: the codebook says which items are; choices as codes, the codebook gives their labels), for
/// reliability analyses, re-scoring and the other questions, then the careless-answer columns (<see cref="CarelessColumns"/>).
/// </summary>
public static class ItemsExportWriter
{
    public static async Task<int> WriteAsync(IResponseSource source, Panel panel, TextWriter writer, CancellationToken cancellationToken)
    {
        var columns = ExportColumns.ItemsCsv(panel.Instrument, panel.Careless.Thresholds);
        var scaleItems = panel.Instrument.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var questions = panel.Instrument.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var answers = columns.Select(c => c.Name).Where(n => scaleItems.Contains(n) || questions.ContainsKey(n)).ToList();
        await using var csv = CsvOutput.Open(writer);
        await CsvOutput.WriteHeaderAsync(csv, columns).ConfigureAwait(false);
        var rows = 0;
        await foreach (var row in LongRows.ReadAsync(source, panel, cancellationToken, withCareless: true).ConfigureAwait(false))
        {
            csv.WriteField(CsvCells.Text(row.ParticipantId));
            csv.WriteField(CsvCells.Number(row.Wave));
            csv.WriteField(CsvCells.Number(row.Days));
            csv.WriteField(CsvCells.Timestamp(row.Response.SubmittedAt));
            foreach (var id in answers)
            {
                csv.WriteField(
                    row.Response.Answers.TryGetValue(id, out var answer) ? CsvCells.Number(answer)
                    : row.Response.Other.TryGetValue(id, out var other) ? Cell(questions[id], other)
                    : string.Empty);
            }

            foreach (var cell in CarelessColumns.Cells(row.Careless)) csv.WriteField(cell);

            await csv.NextRecordAsync().ConfigureAwait(false);
            rows++;
        }

        await csv.FlushAsync().ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    // A stored number is invariant and was checked on the way in, so a negative one stays a number rather than being
    // quoted like a formula; everything else is text a spreadsheet must not run.
    private static string Cell(Instruments.Question question, string answer) =>
        question.Type == Instruments.QuestionType.Number && decimal.TryParse(answer, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? answer
            : CsvCells.Text(answer);
}
