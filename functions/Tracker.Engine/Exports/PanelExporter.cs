using System.Text;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Exports;

/// <summary>Writes a panel in one export format to a stream, reading storage as it writes.</summary>
/// <param name="consents">The consent records for consent.csv; without it that export is empty but for its header.</param>
public sealed class PanelExporter(IResponseSource source, ParticipantRepository participants, TimeProvider clock, ILogger<PanelExporter> logger, Consent.ConsentRepository? consents = null)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the export and returns its number of data rows (null for the codebook and the bundle, which are not tables).</summary>
    public async Task<int?> WriteAsync(Panel panel, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        int? rows = null;
        switch (format)
        {
            case ExportFormat.LongCsv or ExportFormat.WideCsv or ExportFormat.ItemsCsv:
                await using (var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true))
                {
                    rows = format switch
                    {
                        ExportFormat.LongCsv => await LongExportWriter.WriteAsync(source, panel, writer, cancellationToken).ConfigureAwait(false),
                        ExportFormat.WideCsv => await WideExportWriter.WriteAsync(source, panel, writer, cancellationToken).ConfigureAwait(false),
                        _ => await ItemsExportWriter.WriteAsync(source, panel, writer, cancellationToken).ConfigureAwait(false),
                    };
                }

                break;
            case ExportFormat.LinkingCsv:
                await using (var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true))
                {
                    rows = await LinkingExportWriter.WriteAsync(participants, panel, writer, consents, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ExportFormat.Codebook:
                await CodebookJsonWriter.WriteAsync(Codebook.For(panel, clock.GetUtcNow()), output, cancellationToken).ConfigureAwait(false);
                break;
            case ExportFormat.CodebookMarkdown:
                await output.WriteAsync(Utf8.GetBytes(CodebookMarkdownWriter.Render(Codebook.For(panel, clock.GetUtcNow()))), cancellationToken).ConfigureAwait(false);
                break;
            case ExportFormat.ConsentCsv:
                await using (var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true))
                {
                    var records = consents is null ? [] : await consents.ListDecisionsAsync(panel.Id, cancellationToken).ConfigureAwait(false);
                    rows = await Consent.ConsentCsv.WriteAsync(records, writer, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ExportFormat.Bundle:
                await BundleWriter.WriteAsync(source, panel, output, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Exported panel {PanelId} as {Format}: {Rows} rows in {ElapsedMs} ms", panel.Id, format, rows ?? 0, clock.GetElapsedTime(started).TotalMilliseconds);
        return rows;
    }
}
