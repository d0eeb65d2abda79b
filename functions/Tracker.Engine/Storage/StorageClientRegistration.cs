using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tracker.Engine.Storage;

/// <summary>
/// Registers the storage clients through <c>Microsoft.Extensions.Azure</c> from the <c>TrackerStorage</c> setting, read
/// the way the Functions queue binding reads the same connection: a connection string (Azurite locally), or in Azure
/// <c>TrackerStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c> with
/// <c>__credential=managedidentity</c> and <c>__clientId</c> (no secrets in settings).
/// </summary>
public static class StorageClientRegistration
{
    /// <summary>
    /// A table request answers in milliseconds when storage is healthy. The SDK's default (100 s per try, retried) would
    /// leave a participant looking at a spinner for minutes while storage is down; 5 s per try lets the form say so.
    /// </summary>
    public static readonly TimeSpan TableNetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Blobs (exports, bundles, model files) and queue messages can be large: more time per try.</summary>
    public static readonly TimeSpan BulkNetworkTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddTrackerStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        var connectionString = section.Value;
        services.AddAzureClients(clients =>
        {
            clients.ConfigureDefaults(Retries);
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                clients.AddTableServiceClient(connectionString).ConfigureOptions(o => o.Retry.NetworkTimeout = TableNetworkTimeout);
                clients.AddBlobServiceClient(connectionString).ConfigureOptions(o => o.Retry.NetworkTimeout = BulkNetworkTimeout);
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(Queue);
                return;
            }

            // The ecosystem's reading of credential/clientId: managedidentity → that identity, otherwise DefaultAzureCredential.
            clients.UseCredential(provider => provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section));
            clients.AddTableServiceClient(RequiredUri(section, "tableServiceUri")).ConfigureOptions(o => o.Retry.NetworkTimeout = TableNetworkTimeout);
            clients.AddBlobServiceClient(RequiredUri(section, "blobServiceUri")).ConfigureOptions(o => o.Retry.NetworkTimeout = BulkNetworkTimeout);
            clients.AddQueueServiceClient(RequiredUri(section, "queueServiceUri")).ConfigureOptions(Queue);
        });
        services.AddSingleton(provider => new TrackerStorage(
            provider.GetRequiredService<TableServiceClient>(),
            provider.GetRequiredService<BlobServiceClient>(),
            provider.GetRequiredService<QueueServiceClient>()));
        return services;
    }

    /// <summary>
    /// Three quick retries with exponential back-off (0.2, 0.4, 0.8 s, capped at 2 s) ride out a throttled or restarting
    /// storage node; a refused connection fails all of them within about 1.5 s, so the caller can answer 503 instead of hanging.
    /// </summary>
    private static void Retries(ClientOptions options)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
    }

    /// <summary>Base64 bodies: what the Functions queue extension reads and writes.</summary>
    private static void Queue(QueueClientOptions options)
    {
        options.MessageEncoding = QueueMessageEncoding.Base64;
        options.Retry.NetworkTimeout = BulkNetworkTimeout;
    }

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageNames.Connection}' to a connection string, or '{StorageNames.Connection}__{key}' (with __credential=managedidentity) to use an identity.");
}
