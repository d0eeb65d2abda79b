using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Tracker.Panels.Storage;

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
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TrackerStorage(
                new TableServiceClient(connectionString),
                new BlobServiceClient(connectionString),
                new QueueServiceClient(connectionString, queueOptions));
        }

        var credential = Credential(section);
        return new TrackerStorage(
            new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential),
            new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential),
            new QueueServiceClient(RequiredUri(section, "queueServiceUri"), credential, queueOptions));
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
