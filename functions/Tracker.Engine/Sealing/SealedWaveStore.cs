using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Sealing;

/// <summary>
/// Sealed waves in Blob storage: <c>sealed-waves/{panel}/wave-{k:D4}.csv</c>, written once. The upload carries
/// If-None-Match: *, so of two sealers racing exactly one blob is created and the other is told it already exists.
/// The one change a sealed wave ever undergoes is erasure (<see cref="RewriteWithoutAsync"/>): the rows of an erased
/// participant are taken out, every other byte of every other row stays as it was, and the blob's metadata counts the rewrites.
/// </summary>
public sealed class SealedWaveStore(TrackerStorage storage)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private BlobContainerClient Container => storage.Container(StorageNames.SealedWavesContainer);

    public static string BlobName(string panelId, int wave) => $"{panelId}/wave-{wave.ToString("D4", CultureInfo.InvariantCulture)}.csv";

    public async Task<bool> ExistsAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return (await Container.GetBlobClient(BlobName(panelId, wave)).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>How many rows the wave's snapshot holds (from its metadata, kept by every rewrite), or null when it is not sealed.</summary>
    public async Task<int?> RowsAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = await Container.GetBlobClient(BlobName(panelId, wave)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.Metadata.TryGetValue("rows", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the rows as the wave's snapshot unless one exists. Returns the row count written, or null when another
    /// sealer got there first (the existing blob is left exactly as it was).
    /// </summary>
    public async Task<int?> TryWriteAsync(string panelId, int wave, Instrument instrument, IAsyncEnumerable<StoredResponse> rows, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var blob = Container.GetBlobClient(BlobName(panelId, wave));

        // The CSV is built in memory and uploaded in one Put Blob: a block blob only appears when its upload commits, so
        // a reader never sees half a wave, and the condition is checked once, at that commit (~15 MB for 100,000 rows).
        using var buffer = new MemoryStream();
        int count;
        await using (var writer = new StreamWriter(buffer, Utf8, 64 * 1024, leaveOpen: true))
        {
            count = await SealedWaveCsv.WriteAsync(instrument, rows, writer, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        try
        {
            await blob.UploadAsync(buffer, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["rows"] = count.ToString(CultureInfo.InvariantCulture) },
            }, cancellationToken).ConfigureAwait(false);
            return count;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Rewrites the sealed wave without the participant's row (erasure), conditional on the blob not having changed since
    /// it was read (re-read and redone otherwise). Returns how many rows were removed: 0 when the wave is not sealed or
    /// never held them (the blob is then left untouched).
    /// </summary>
    public async Task<int> RewriteWithoutAsync(string panelId, int wave, Instrument instrument, string participantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var blob = Container.GetBlobClient(BlobName(panelId, wave));
        for (var attempt = 0; ; attempt++)
        {
            ETag etag;
            IDictionary<string, string> metadata;
            List<StoredResponse> kept = [];
            var removed = 0;
            try
            {
                var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                etag = download.Value.Details.ETag;
                metadata = download.Value.Details.Metadata;
                await foreach (var row in Read(panelId, instrument, download.Value.Content, cancellationToken).ConfigureAwait(false))
                {
                    if (row.ParticipantId == participantId) removed++;
                    else kept.Add(row);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return 0;
            }

            if (removed == 0) return 0;
            using var buffer = new MemoryStream();
            await using (var writer = new StreamWriter(buffer, Utf8, 64 * 1024, leaveOpen: true))
            {
                await SealedWaveCsv.WriteAsync(instrument, kept.ToAsyncEnumerable(), writer, cancellationToken).ConfigureAwait(false);
            }

            buffer.Position = 0;
            var rewrites = metadata.TryGetValue(RewritesKey, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
            var updated = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase)
            {
                ["rows"] = kept.Count.ToString(CultureInfo.InvariantCulture),
                [RewritesKey] = rewrites.ToString(CultureInfo.InvariantCulture),
                ["lastrewriteat"] = now.ToString("O", CultureInfo.InvariantCulture),
                ["lastrewritereason"] = "erasure",
            };
            try
            {
                await blob.UploadAsync(buffer, new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
                    Conditions = new BlobRequestConditions { IfMatch = etag },
                    Metadata = updated,
                }, cancellationToken).ConfigureAwait(false);
                return removed;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // Rewritten meanwhile by another erasure: start again from what it left.
            }
        }
    }

    /// <summary>The blob metadata entry counting how often the sealed wave was rewritten by erasure.</summary>
    public const string RewritesKey = "rewrites";

    /// <summary>The wave's sealed rows in participant-id order, or null when the wave has not been sealed.</summary>
    public async Task<IAsyncEnumerable<StoredResponse>?> OpenAsync(string panelId, int wave, Instrument instrument, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        Stream content;
        try
        {
            var download = await Container.GetBlobClient(BlobName(panelId, wave)).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            content = download.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        return Read(panelId, instrument, content, cancellationToken);
    }

    /// <summary>The wave's sealed rows read straight into <paramref name="row"/> (<see cref="SealedWaveCsv.ReadRowsAsync"/>), or null when the wave has not been sealed.</summary>
    public async Task<IAsyncEnumerable<Models.ModelRow>?> OpenRowsAsync(string panelId, int wave, Instrument instrument, Models.ModelRow row, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await Container.GetBlobClient(BlobName(panelId, wave)).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return ReadRows(instrument, download.Value.Content, row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static async IAsyncEnumerable<Models.ModelRow> ReadRows(Instrument instrument, Stream content, Models.ModelRow row, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (content.ConfigureAwait(false))
        {
            await foreach (var loaded in SealedWaveCsv.ReadRowsAsync(instrument, content, row, cancellationToken).ConfigureAwait(false))
            {
                yield return loaded;
            }
        }
    }

    private static async IAsyncEnumerable<StoredResponse> Read(string panelId, Instrument instrument, Stream content, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (content.ConfigureAwait(false))
        {
            using var reader = new StreamReader(content, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
            await foreach (var row in SealedWaveCsv.ReadAsync(panelId, instrument, reader, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
