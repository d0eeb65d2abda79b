using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Email;
using Tracker.Engine.Storage;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests.Sending;

/// <summary>
/// The app-wide send rate: several senders, each its own <see cref="GlobalSendRate"/> with its own storage clients
/// (as separate instances would be), share one bucket in Azurite. Sends are counted on a fake clock, not wall time.
/// </summary>
public sealed class GlobalSendRateTests : IAsyncLifetime
{
    private const double Rate = 20;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private AzuriteServer azurite = null!;

    public async Task InitializeAsync() => azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task Four_senders_in_parallel_stay_within_one_bucket_over_every_window()
    {
        var senders = Enumerable.Range(0, 4).Select(_ => Sender()).ToList();
        var block = senders[0].Block;
        var sends = new ConcurrentBag<(int Sender, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        var start = clock.GetUtcNow();

        var running = senders.Select((sender, i) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await sender.TryTakeAsync(CancellationToken.None) == TimeSpan.Zero) sends.Add((i, clock.GetUtcNow()));
                else await Task.Delay(1);
            }
        })).ToList();

        // Fake time moves in 20 ms steps (3 s in all); the senders race for the bucket between steps.
        for (var step = 0; step < 150; step++)
        {
            await Task.Delay(15);
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        await stop.CancelAsync();
        await Task.WhenAll(running);

        var times = sends.Select(s => s.At).Order().ToList();
        Assert.NotEmpty(times);
        // Every window of W seconds holds at most rate × W plus two blocks (the bucket's burst and a block in hand); one
        // clock step more, since a send is stamped when its take returns and the clock may have moved on meanwhile.
        foreach (var window in new[] { TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), clock.GetUtcNow() - start })
        {
            var allowed = (Rate * (window.TotalSeconds + 0.02)) + (2 * block);
            foreach (var from in times)
            {
                var count = times.Count(t => t >= from && t < from + window);
                Assert.True(count <= allowed, $"{count} sends in the {window.TotalMilliseconds} ms from {from:O}; at most {allowed} allowed");
            }
        }

        Assert.True(sends.Select(s => s.Sender).Distinct().Count() > 1, "only one sender ever got a token");
    }

    [Fact]
    public async Task A_crashed_holder_loses_at_most_one_block_and_a_stalled_one_cannot_spend_old_tokens_later()
    {
        var crashed = Sender();
        var other = Sender();
        var block = crashed.Block;
        Assert.Equal(TimeSpan.Zero, await crashed.TryTakeAsync(CancellationToken.None));

        // The crashed sender took a whole block; the bucket is empty, but only for as long as a block lasts.
        var wait = await other.TryTakeAsync(CancellationToken.None);
        Assert.True(wait > TimeSpan.Zero && wait <= TimeSpan.FromSeconds(block / Rate), $"waited {wait}");
        clock.Advance(TimeSpan.FromSeconds(block / Rate));
        Assert.Equal(TimeSpan.Zero, await other.TryTakeAsync(CancellationToken.None));

        // A sender that stalls while holding part of a block: after the pause its old tokens are gone, so what it sends
        // now comes from the bucket (which the other sender then finds empty), not on top of it.
        var stalled = Sender();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, await stalled.TryTakeAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, await stalled.TryTakeAsync(CancellationToken.None));
        Assert.True(await other.TryTakeAsync(CancellationToken.None) > TimeSpan.Zero);
    }

    private GlobalSendRate Sender()
    {
        var connection = azurite.ConnectionString;
        var storage = new TrackerStorage(new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection));
        var options = Options.Create(new SmtpOptions { Host = "relay.example.org", Port = 587, UserName = "tracker", FromAddress = "tracker@example.org", MessagesPerSecond = Rate });
        return new GlobalSendRate(storage, options, clock);
    }
}
