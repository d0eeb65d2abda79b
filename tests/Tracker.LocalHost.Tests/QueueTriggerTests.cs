using Azure.Storage.Queues;
using Tracker.LocalHost.Stack;
using Tracker.LocalHost.Tests.Fixtures;
using Tracker.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Tracker.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private readonly string _hostJson = TestHosts.WriteQuickRetryHostJson();

    public void Dispose() => File.Delete(_hostJson);

    [Fact]
    public async Task A_base64_json_message_binds_to_a_poco_and_is_deleted_after_success()
    {
        var queueName = "work-" + Guid.NewGuid().ToString("N")[..8];
        var (host, recorder) = await StartAsync([typeof(QueueSamples)], queueName);
        await using (host)
        {
            var queue = Producer(queueName);
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync("""{"kind":"reminder","amount":7}""");

            var run = await recorder.NextAsync(TimeSpan.FromSeconds(20));
            var (item, id, dequeueCount) = ((WorkItem, string, long))run.Payload!;
            Assert.Equal(new WorkItem("reminder", 7), item);
            Assert.False(string.IsNullOrEmpty(id));
            Assert.Equal(1, dequeueCount);

            await WaitUntilAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        }
    }

    [Fact]
    public async Task The_queue_is_created_if_missing_and_text_and_raw_messages_bind()
    {
        var (host, recorder) = await StartAsync([typeof(QueueSamples)], "work-" + Guid.NewGuid().ToString("N")[..8]);
        await using (host)
        {
            var text = Producer("text-items");
            await WaitUntilAsync(async () => (await text.ExistsAsync()).Value);
            await text.SendMessageAsync("plain text ✓");
            await Producer("raw-items").SendMessageAsync("raw body");

            var seen = new[] { await recorder.NextAsync(TimeSpan.FromSeconds(20)), await recorder.NextAsync(TimeSpan.FromSeconds(20)) }.ToDictionary(r => r.Function);
            Assert.Equal("plain text ✓", seen["ConsumeText"].Payload);
            Assert.Equal("raw body", seen["ConsumeRaw"].Payload);
        }
    }

    [Fact]
    public async Task A_failing_message_is_retried_then_moved_to_the_poison_queue()
    {
        var (host, recorder) = await StartAsync([typeof(QueueSamples)], "work-" + Guid.NewGuid().ToString("N")[..8]);
        await using (host)
        {
            var doomed = Producer("doomed");
            await doomed.CreateIfNotExistsAsync();
            var poison = Producer("doomed-poison");
            await poison.DeleteIfExistsAsync();
            await doomed.SendMessageAsync("bad " + Guid.NewGuid());

            Assert.Equal(1L, (await recorder.NextAsync(TimeSpan.FromSeconds(20))).Payload);
            Assert.Equal(2L, (await recorder.NextAsync(TimeSpan.FromSeconds(20))).Payload);

            await WaitUntilAsync(async () => (await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync()).Value.Length == 1);
            var moved = (await poison.ReceiveMessageAsync()).Value;
            Assert.StartsWith("bad ", moved.Body.ToString());
            Assert.Empty((await doomed.PeekMessagesAsync()).Value);
            Assert.DoesNotContain(recorder.All, r => r.Payload is 3L);
        }
    }

    [Fact]
    public async Task Messages_run_in_parallel_up_to_the_batch_size()
    {
        var (host, recorder) = await StartAsync([typeof(QueueSamples)], "work-" + Guid.NewGuid().ToString("N")[..8]);
        await using (host)
        {
            var slow = Producer("slow-items");
            await slow.CreateIfNotExistsAsync();
            for (var i = 0; i < 5; i++)
            {
                await slow.SendMessageAsync($"slow {i}");
            }

            var seen = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                seen.Add((string)(await recorder.NextAsync(TimeSpan.FromSeconds(20))).Payload!);
            }

            Assert.Equal(5, seen.Distinct().Count());
            Assert.Equal(2, recorder.MaxConcurrent);
        }
    }

    [Fact]
    public async Task The_listener_survives_storage_going_away_and_coming_back()
    {
        await using var storage = await AzuriteServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["StorageForText"] = storage.ConnectionString,
            ["WorkQueue"] = "work",
        };
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(QueueSamples)], settings, enableQueues: true, hostJsonPath: _hostJson);
        await using (host)
        {
            await storage.StopAsync();
            await Task.Delay(500);
            await storage.RestartAsync();

            // In-memory storage comes back empty: the listener recreates its queue and carries on.
            var queue = new QueueClient(storage.ConnectionString, "raw-items", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            await WaitUntilAsync(async () => (await queue.ExistsAsync()).Value);
            await queue.SendMessageAsync("after the outage");
            var run = await recorder.NextAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("after the outage", run.Payload);
        }
    }

    private QueueClient Producer(string name) =>
        new(azurite.Server.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private Task<(LocalFunctionHost, InvocationRecorder)> StartAsync(Type[] classes, string workQueue) =>
        TestHosts.StartAsync(
            output,
            classes,
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.Server.ConnectionString,
                ["StorageForText"] = azurite.Server.ConnectionString,
                ["WorkQueue"] = workQueue,
            },
            enableQueues: true,
            hostJsonPath: _hostJson);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition did not become true.");
    }
}
