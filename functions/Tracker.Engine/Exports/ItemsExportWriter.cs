using Tracker.Engine.Panels;

namespace Tracker.Engine.Exports;

/// <summary>
/// One row per participant × answered wave with every item answer as given (not reverse-keyed: the codebook says
/// which items are), for reliability analyses and re-scoring, then the careless-answer columns (<see cref="CarelessColumns"/>).
/// </summary>
public static class ItemsExportWriter
{
    public static async Task<int> WriteAsync(IResponseSource source, Panel panel, TextWriter writer, CancellationToken cancellationToken)
    {
        var items = panel.Instrument.Items.ToList();
        await using var csv = CsvOutput.Open(writer);
        await CsvOutput.WriteHeaderAsync(csv, ExportColumns.ItemsCsv(panel.Instrument, panel.Careless.Thresholds)).ConfigureAwait(false);
        var rows = 0;
        await foreach (var row in LongRows.ReadAsync(source, panel, cancellationToken, withCareless: true).ConfigureAwait(false))
        {
            csv.WriteField(CsvCells.Text(row.ParticipantId));
            csv.WriteField(CsvCells.Number(row.Wave));
            csv.WriteField(CsvCells.Number(row.Days));
            csv.WriteField(CsvCells.Timestamp(row.Response.SubmittedAt));
            foreach (var item in items)
            {
                csv.WriteField(row.Response.Answers.TryGetValue(item.Id, out var answer) ? CsvCells.Number(answer) : string.Empty);
            }

            foreach (var cell in CarelessColumns.Cells(row.Careless)) csv.WriteField(cell);

            await csv.NextRecordAsync().ConfigureAwait(false);
            rows++;
        }

        await csv.FlushAsync().ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
