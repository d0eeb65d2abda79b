using System.Text.Json;
using Azure.Storage.Queues;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>At-least-once triggers: the timer firing twice at once, and the same batch delivered more than once.</summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class DuplicateDeliveryTests(SendingFaultsFixture faults)
{
    private const int Participants = 30;

    [Fact]
    public async Task Overlapping_timer_runs_and_a_batch_delivered_three_times_send_each_invitation_once()
    {
        var emails = SendingFaultsFixture.Emails(Participants, "dup");
        var panelId = await faults.PanelAsync(emails);
        var queue = new QueueClient(faults.Azurite.ConnectionString, StorageNames.DispatchQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        // A batch whose sender failed in another test can sit leased (invisible but counted) in the shared queue.
        var leftBefore = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        // Slow enough that the copies below arrive while the planner's own batch is still being sent.
        faults.Smtp.DataDelay = TimeSpan.FromMilliseconds(30);
        try
        {
            await Task.WhenAll(faults.RunPlannerAsync(), faults.RunPlannerAsync());
            var planned = await faults.LedgerRowsAsync(panelId);
            Assert.Equal(Participants, planned.Count);

            // The same batch again, twice on the queue and once straight into the queue function, racing the original.
            var batch = JsonSerializer.Serialize(
                new DispatchBatch(panelId, 1, planned.Select(r => new DispatchItem(InvitationEntity.ParticipantOf(r.RowKey), r.Kind)).ToList()),
                DispatchBatchJson.Options);
            await queue.SendMessageAsync(batch);
            await queue.SendMessageAsync(batch);
            await Task.WhenAll(faults.Stack.Host.InvokeAsync("SendDispatchBatch", batch), faults.RunPlannerAsync());

            await faults.SettleAsync(panelId);
            await WaitForQueueAsync(queue, leftBefore);
            await faults.RunPlannerAsync();
            await WaitForQueueAsync(queue, leftBefore);
        }
        finally
        {
            faults.Smtp.DataDelay = TimeSpan.Zero;
        }

        var rows = await faults.LedgerRowsAsync(panelId);
        Assert.Equal(Participants, rows.Count);
        Assert.All(rows, r => Assert.Equal(LedgerEntity.Sent, r.State));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var received = faults.ReceivedFor(emails);
        Assert.Equal(Participants, received.Count);
        Assert.All(received, kv => Assert.Equal(1, kv.Value));
    }

    /// <summary>Every message this test caused deleted (worked off), not just invisible while a sender holds it.</summary>
    private static async Task WaitForQueueAsync(QueueClient queue, int leftBefore)
    {
        var started = TimeProvider.System.GetTimestamp();
        while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > leftBefore)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(60)) throw new TimeoutException("The dispatch queue was not worked off.");
            await Task.Delay(100);
        }
    }
}
