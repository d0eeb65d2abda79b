using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tracker.Engine.Storage;
using Tracker.Model.Models;

namespace Tracker.Engine.Models;

/// <summary>
/// Fitted models in Blob storage, versioned by time: <c>models/{panel}/{yyyyMMddTHHmmssZ}.json</c> and <c>.csv</c>
/// (the per-wave table), plus <c>latest.json</c>/<c>latest.csv</c>. Versions are written unconditionally (two runs
/// writing the same version write the same content); <c>latest.json</c> only moves forward, under an ETag condition.
/// </summary>
public sealed class ModelStore(TrackerStorage storage)
{
    public const string LatestJson = "latest.json";
    public const string LatestCsv = "latest.csv";

    private BlobContainerClient Container => storage.Container(StorageNames.ModelsContainer);

    public static string VersionName(DateTimeOffset fittedAt) => fittedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The latest model's JSON exactly as stored, or null when the panel has none yet.</summary>
    public async Task<string?> GetLatestJsonAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var blob = Container.GetBlobClient($"{panelId}/{LatestJson}");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<ModelDocument?> GetLatestAsync(string panelId, CancellationToken cancellationToken)
    {
        var json = await GetLatestJsonAsync(panelId, cancellationToken).ConfigureAwait(false);
        return json is null ? null : ModelJson.Deserialize(json);
    }

    /// <summary>Stores a new version and moves <c>latest</c> to it unless a model at least as new is already there.</summary>
    public async Task SaveAsync(ModelDocument model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var json = BinaryData.FromBytes(ModelJson.SerializeToUtf8(model));
        var csv = BinaryData.FromString(WaveTableCsv.Write(model));
        var version = VersionName(model.FittedAt);
        await Task.WhenAll(
            Upload($"{model.PanelId}/{version}.json", json, "application/json", null, cancellationToken),
            Upload($"{model.PanelId}/{version}.csv", csv, "text/csv", null, cancellationToken)).ConfigureAwait(false);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var latest = Container.GetBlobClient($"{model.PanelId}/{LatestJson}");
            BlobRequestConditions conditions;
            try
            {
                var current = await latest.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                var stored = ModelJson.Deserialize(current.Value.Content.ToMemory().Span);
                if (!IsNewer(model, stored)) return;
                conditions = new BlobRequestConditions { IfMatch = current.Value.Details.ETag };
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
            }

            try
            {
                await Upload($"{model.PanelId}/{LatestJson}", json, "application/json", conditions, cancellationToken).ConfigureAwait(false);
                await Upload($"{model.PanelId}/{LatestCsv}", csv, "text/csv", null, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another run moved latest meanwhile: look again and keep whichever is newer.
            }
        }
    }

    private static bool IsNewer(ModelDocument candidate, ModelDocument stored) =>
        (candidate.LatestResponseAt ?? DateTimeOffset.MinValue) > (stored.LatestResponseAt ?? DateTimeOffset.MinValue)
        || ((candidate.LatestResponseAt ?? DateTimeOffset.MinValue) == (stored.LatestResponseAt ?? DateTimeOffset.MinValue) && candidate.FittedAt > stored.FittedAt);

    private Task<Response<BlobContentInfo>> Upload(string name, BinaryData content, string contentType, BlobRequestConditions? conditions, CancellationToken cancellationToken) =>
        Container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = conditions,
        }, cancellationToken);
}
