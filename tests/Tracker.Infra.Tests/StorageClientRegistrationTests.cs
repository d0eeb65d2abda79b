using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Storage;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>The storage settings infra/ writes (and the local connection string) build clients through Microsoft.Extensions.Azure.</summary>
public sealed class StorageClientRegistrationTests
{
    [Fact]
    public void The_identity_settings_infra_writes_build_clients_for_their_endpoints()
    {
        var endpoints = new Dictionary<string, Uri>
        {
            ["tableServiceUri"] = new("https://sttracker.table.core.windows.net/"),
            ["blobServiceUri"] = new("https://sttracker.blob.core.windows.net/"),
            ["queueServiceUri"] = new("https://sttracker.queue.core.windows.net/"),
        };
        var values = new Dictionary<string, string?>
        {
            ["credential"] = "managedidentity",
            ["clientId"] = Guid.NewGuid().ToString(),
        };
        foreach (var (key, uri) in endpoints) values[key] = uri.ToString();

        // The same five suffixes the drift tests require of the Bicep: nothing here that infra/ does not set.
        Assert.Equal(AppConfiguration.IdentityConnectionSuffixes.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        var storage = Build(values.ToDictionary(p => $"{StorageNames.Connection}:{p.Key}", p => p.Value));

        Assert.Equal(endpoints["tableServiceUri"], storage.Tables.Uri);
        Assert.Equal(endpoints["blobServiceUri"], storage.Blobs.Uri);
        Assert.Equal(endpoints["queueServiceUri"], storage.Queues.Uri);
    }

    [Fact]
    public void A_connection_string_builds_clients_for_its_account()
    {
        var storage = Build(new() { [StorageNames.Connection] = "UseDevelopmentStorage=true" });

        Assert.Equal(10002, storage.Tables.Uri.Port);
        Assert.Equal(10000, storage.Blobs.Uri.Port);
        Assert.Equal(10001, storage.Queues.Uri.Port);
        Assert.Equal("devstoreaccount1", storage.Queues.AccountName);
    }

    [Fact]
    public void Missing_storage_settings_name_the_setting_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build([]));

        Assert.Contains($"'{StorageNames.Connection}__tableServiceUri'", error.Message, StringComparison.Ordinal);
    }

    private static TrackerStorage Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddTrackerStorage(configuration).BuildServiceProvider();
        return provider.GetRequiredService<TrackerStorage>();
    }
}
