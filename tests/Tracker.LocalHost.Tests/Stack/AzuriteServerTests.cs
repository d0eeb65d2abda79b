using Azure.Storage.Queues;
using Tracker.LocalHost.Stack;

namespace Tracker.LocalHost.Tests.Stack;

public sealed class AzuriteServerTests
{
    [Fact]
    public async Task Starts_on_free_loopback_ports_stops_and_restarts_on_the_same_ports()
    {
        await using var server = await AzuriteServer.StartAsync();
        Assert.True(server.IsRunning);
        Assert.Equal(3, new[] { server.BlobPort, server.QueuePort, server.TablePort }.Distinct().Count());
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{server.QueuePort}/devstoreaccount1;", server.ConnectionString);
        Assert.Contains("AccountName=devstoreaccount1;", server.ConnectionString);

        var queue = new QueueClient(server.ConnectionString, "smoke");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");
        Assert.Equal("hello", (await queue.ReceiveMessageAsync()).Value.MessageText);

        var ports = (server.BlobPort, server.QueuePort, server.TablePort);
        await server.StopAsync();
        Assert.False(server.IsRunning);
        var noRetries = new QueueClientOptions();
        noRetries.Retry.MaxRetries = 0;
        await Assert.ThrowsAnyAsync<Exception>(() => new QueueClient(server.ConnectionString, "smoke", noRetries).ExistsAsync());

        await server.RestartAsync();
        Assert.True(server.IsRunning);
        Assert.Equal(ports, (server.BlobPort, server.QueuePort, server.TablePort));

        // In-memory persistence: the restarted emulator starts empty.
        Assert.False((await queue.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Persistent_mode_keeps_data_across_a_restart()
    {
        await using var server = await AzuriteServer.StartAsync(new AzuriteOptions { Persistent = true });
        Assert.True(server.IsPersistent);
        var queue = new QueueClient(server.ConnectionString, "kept");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("still here");

        await server.RestartAsync();

        Assert.Equal("still here", (await queue.PeekMessageAsync()).Value.MessageText);
    }

    [Fact]
    public void Repository_root_is_the_folder_with_the_solution()
    {
        var root = RepositoryRoot.Find();
        Assert.True(File.Exists(Path.Combine(root, "Tracker.sln")));
        Assert.True(File.Exists(Path.Combine(root, "package.json")));
    }
}
