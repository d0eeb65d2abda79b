using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Tracker.Engine.Storage;

/// <summary>
/// Builds the storage clients from the <c>TrackerStorage</c> setting the way Functions bindings read connections:
/// a connection string (Azurite locally), or in Azure <c>TrackerStorage__tableServiceUri</c>, <c>__blobServiceUri</c>,
/// <c>__queueServiceUri</c> with <c>__credential=managedidentity</c> and <c>__clientId</c> (no secrets in settings).
/// </summary>
public static class StorageClientFactory
{
    public static TrackerStorage Create(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        var connectionString = section.Value;
        var tableOptions = Tuned(new TableClientOptions(), TableNetworkTimeout);
        var blobOptions = Tuned(new BlobClientOptions(), BulkNetworkTimeout);
        var queueOptions = Tuned(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, BulkNetworkTimeout);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TrackerStorage(
                new TableServiceClient(connectionString, tableOptions),
                new BlobServiceClient(connectionString, blobOptions),
                new QueueServiceClient(connectionString, queueOptions));
        }

        var credential = Credential(section);
        return new TrackerStorage(
            new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential, tableOptions),
            new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential, blobOptions),
            new QueueServiceClient(RequiredUri(section, "queueServiceUri"), credential, queueOptions));
    }

    /// <summary>
    /// A table request answers in milliseconds when storage is healthy. The SDK's default (100 s per try, retried) would
    /// leave a participant looking at a spinner for minutes while storage is down; 5 s per try lets the form say so.
    /// </summary>
    public static readonly TimeSpan TableNetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Blobs (exports, bundles, model files) and queue messages can be large: more time per try.</summary>
    public static readonly TimeSpan BulkNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Three quick retries with exponential back-off (0.2, 0.4, 0.8 s, capped at 2 s) ride out a throttled or restarting
    /// storage node; a refused connection fails all of them within about 1.5 s, so the caller can answer 503 instead of hanging.
    /// </summary>
    private static T Tuned<T>(T options, TimeSpan networkTimeout)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = networkTimeout;
        return options;
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageNames.Connection}' to a connection string, or '{StorageNames.Connection}__{key}' (with __credential=managedidentity) to use an identity.");
}
