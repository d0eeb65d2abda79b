using System.IO.Compression;
using System.Text;
using Tracker.Engine.Panels;
using Tracker.Model.Models;

namespace Tracker.Engine.Exports;

/// <summary>
/// The zip a researcher takes to R: long.csv, codebook.json, codebook.md, analysis.R and tracker_results.json (with the
/// cross-lagged paths of the closed waves, fitted on the same rows).
/// long.csv is streamed into the archive while the model columns are collected; Tracker's models then run on exactly
/// those rows, so the script's numbers and Tracker's can be compared line by line.
/// </summary>
public static class BundleWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(IResponseSource source, Panel panel, Stream output, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = ExportColumns.Outcome(panel.Instrument);
        var table = new OutcomeTable(outcome);
        var crossLagged = CrossLaggedPaths.Collector(
            [.. panel.Instrument.Constructs.Select(c => new ConstructInfo(c.Id, c.Name, c.Layer))], outcome,
            [.. Enumerable.Range(1, panel.Schedule.Waves).Where(w => panel.Schedule.StateAt(w, now) == WaveState.Closed)]);
        // A zip in create mode writes forward only, so it can go straight to an HTTP response (through a small buffer: see AsyncDrainingStream).
        await using var body = new AsyncDrainingStream(output);
        var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8, cancellationToken).ConfigureAwait(false);
        await using (zip.ConfigureAwait(false))
        {
            await WriteEntryAsync(zip, ExportFormats.FileName(ExportFormat.LongCsv), now, async stream =>
            {
                await using var writer = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true);
                await LongExportWriter.WriteAsync(source, panel, writer, cancellationToken, row =>
                {
                    // Tracker's own numbers leave partial responses out as its models do (analysis.R says the same).
                    if (!row.Response.Complete && !panel.Models.IncludePartial) return;
                    table.Add(row);
                    crossLagged.Add(row.Wave, row.ParticipantId, row.Response.Scores);
                }).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            await body.DrainAsync(cancellationToken).ConfigureAwait(false);

            var codebook = Codebook.For(panel, now);
            await WriteEntryAsync(zip, ExportFormats.FileName(ExportFormat.Codebook), now,
                stream => CodebookJsonWriter.WriteAsync(codebook, stream, cancellationToken), cancellationToken).ConfigureAwait(false);
            await WriteTextAsync(zip, ExportFormats.FileName(ExportFormat.CodebookMarkdown), now, CodebookMarkdownWriter.Render(codebook), cancellationToken).ConfigureAwait(false);
            await WriteTextAsync(zip, AnalysisScript.FileName, now, AnalysisScript.Render(outcome, panel.Instrument, panel.Models.IncludePartial), cancellationToken).ConfigureAwait(false);

            var report = table.Analyze();
            var paths = CrossLaggedPaths.Fit(crossLagged, outcome, cancellationToken);
            await WriteEntryAsync(zip, TrackerResultsJson.FileName, now,
                stream => TrackerResultsJson.WriteAsync(stream, outcome, report, cancellationToken, paths), cancellationToken).ConfigureAwait(false);
        }

        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(ZipArchive zip, string name, DateTimeOffset now, string text, CancellationToken cancellationToken) =>
        WriteEntryAsync(zip, name, now, stream => stream.WriteAsync(Utf8.GetBytes(text), cancellationToken).AsTask(), cancellationToken);

    private static async Task WriteEntryAsync(ZipArchive zip, string name, DateTimeOffset now, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        // Zip timestamps start in 1980; a test clock or a skewed one must not break the download.
        entry.LastWriteTime = now < ZipEpoch ? ZipEpoch : now;
        await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await write(stream).ConfigureAwait(false);
    }
}
