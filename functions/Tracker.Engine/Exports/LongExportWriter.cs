using Tracker.Engine.Panels;

namespace Tracker.Engine.Exports;

/// <summary>One row per participant × answered wave: participant_id, wave, days, submitted_at, every construct score, the careless-answer columns and complete. Rows are written as they are read (each wave twice: <see cref="LongRows"/>).</summary>
public static class LongExportWriter
{
    public static async Task<int> WriteAsync(IResponseSource source, Panel panel, TextWriter writer, CancellationToken cancellationToken, Action<LongRow>? observe = null)
    {
        await using var csv = CsvOutput.Open(writer);
        await CsvOutput.WriteHeaderAsync(csv, ExportColumns.LongCsv(panel.Instrument, panel.Careless.Thresholds)).ConfigureAwait(false);
        var rows = 0;
        await foreach (var row in LongRows.ReadAsync(source, panel, cancellationToken, withCareless: true).ConfigureAwait(false))
        {
            csv.WriteField(CsvCells.Text(row.ParticipantId));
            csv.WriteField(CsvCells.Number(row.Wave));
            csv.WriteField(CsvCells.Number(row.Days));
            csv.WriteField(CsvCells.Timestamp(row.Response.SubmittedAt));
            foreach (var construct in panel.Instrument.Constructs)
            {
                csv.WriteField(CsvCells.Number(row.Response.Scores.GetValueOrDefault(construct.Id)));
            }

            foreach (var cell in CarelessColumns.Cells(row.Careless)) csv.WriteField(cell);
            csv.WriteField(CsvCells.Number(row.Response.Complete ? 1 : 0));

            await csv.NextRecordAsync().ConfigureAwait(false);
            observe?.Invoke(row);
            rows++;
        }

        await csv.FlushAsync().ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
