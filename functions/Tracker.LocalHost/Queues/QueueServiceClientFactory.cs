using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Tracker.LocalHost.Queues;

/// <summary>
/// Finds the storage account behind a trigger's <c>Connection</c> setting the way the Functions host does
/// (<c>{name}</c>, <c>AzureWebJobs{name}</c>, <c>ConnectionStrings:{name}</c>) and builds a client that
/// base64-encodes messages, as the queue extension expects.
/// </summary>
internal static class QueueServiceClientFactory
{
    public static QueueServiceClient Create(IConfiguration configuration, string connectionSetting, string functionName)
    {
        var connectionString = configuration[connectionSetting]
            ?? configuration["AzureWebJobs" + connectionSetting]
            ?? configuration.GetConnectionString(connectionSetting);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };

        // The listener backs off and retries on its own; short SDK retries let it notice an outage (and recovery) quickly.
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new QueueServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(connectionSetting);
        if (!string.IsNullOrWhiteSpace(section["queueServiceUri"]) || !string.IsNullOrWhiteSpace(section["serviceUri"]))
        {
            throw new InvalidOperationException(
                $"Function '{functionName}': connection '{connectionSetting}' uses the identity form ({connectionSetting}__queueServiceUri). "
                + "The local host needs a connection string (Azurite's) in the setting itself; identity-based connections work only in Azure.");
        }

        throw new InvalidOperationException(
            $"Function '{functionName}': the queue connection setting '{connectionSetting}' is not set; give it a storage connection string (Azurite's locally).");
    }
}
