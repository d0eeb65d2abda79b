using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Tracker.Engine.Storage;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Tests.Fixtures;

namespace Tracker.LocalHost.Tests;

/// <summary>The Tracker app on the local host: a dispatch message that is no batch is retried, then poisoned, and status counts it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PoisonDispatchTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string hostJson = TestHosts.WriteQuickRetryHostJson();

    public void Dispose() => File.Delete(hostJson);

    [Fact]
    public async Task A_dispatch_message_that_is_not_a_batch_ends_in_the_poison_queue_and_status_counts_it()
    {
        var storage = azurite.Server.ConnectionString;
        var encoding = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(storage, StorageNames.DispatchQueue, encoding);
        var poison = new QueueClient(storage, StorageNames.DispatchPoisonQueue, encoding);
        await poison.DeleteIfExistsAsync();
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();

        // No smtp4dev: nothing here sends mail, and port 9 refuses if something tried.
        var options = new TrackerStackOptions { StorageConnectionString = storage, SmtpEndpoint = "127.0.0.1:9", EnableTimers = false, HostJsonPath = hostJson };
        await using var stack = await TrackerStack.StartAsync(options, CancellationToken.None);
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        var created = await admin.PostAsJsonAsync("api/panels", new
        {
            name = "Poison panel",
            instrument = "default",
            timeZone = "UTC",
            schedule = new { start = TimeProvider.System.GetUtcNow().AddDays(1), waves = 1, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(0, await PoisonCountAsync(admin, panelId!));

        // Unparsable, and JSON that parses but is no batch: both used to be dropped with a log line.
        var garbage = "not json " + Guid.NewGuid();
        const string NoBatch = """{"wave":0}""";
        await queue.SendMessageAsync(garbage);
        await queue.SendMessageAsync(NoBatch);

        var started = TimeProvider.System.GetTimestamp();
        while ((await poison.ExistsAsync()).Value is false || (await poison.PeekMessagesAsync(32)).Value.Length < 2)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "the bad messages did not reach the poison queue within 30 s");
            await Task.Delay(200);
        }

        var bodies = (await poison.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Equal(new[] { garbage, NoBatch }.Order(StringComparer.Ordinal), bodies.Order(StringComparer.Ordinal));
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Equal(2, await PoisonCountAsync(admin, panelId!));
    }

    private static async Task<int> PoisonCountAsync(HttpClient admin, string panelId)
    {
        var status = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");
        return status.GetProperty("poisonMessages").GetInt32();
    }
}
