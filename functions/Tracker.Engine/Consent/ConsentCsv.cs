using Tracker.Engine.Exports;

namespace Tracker.Engine.Consent;

/// <summary>consent.csv: one row per decision, the ethics board's record (no contact data; participant ids as in every export).</summary>
public static class ConsentCsv
{
    public const string FileName = "consent.csv";

    public static readonly string[] Header = ["participant_id", "consent_version", "text_sha256", "decision", "decided_at", "language", "wave"];

    public static async Task<int> WriteAsync(IEnumerable<ConsentRecord> records, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        await using var csv = CsvOutput.Open(writer);
        foreach (var name in Header) csv.WriteField(name);
        await csv.NextRecordAsync().ConfigureAwait(false);
        var rows = 0;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(CsvCells.Text(record.ParticipantId));
            csv.WriteField(CsvCells.Text(record.Version));
            csv.WriteField(record.TextHash);
            csv.WriteField(ConsentDecisions.Name(record.Decision));
            csv.WriteField(CsvCells.Timestamp(record.DecidedAt));
            csv.WriteField(CsvCells.Text(record.Language));
            csv.WriteField(CsvCells.Number(record.Wave));
            await csv.NextRecordAsync().ConfigureAwait(false);
            rows++;
        }

        await csv.FlushAsync().ConfigureAwait(false);
        return rows;
    }
}
