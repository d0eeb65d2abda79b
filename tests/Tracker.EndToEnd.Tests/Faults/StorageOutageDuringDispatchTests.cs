using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>Azurite goes away in the middle of a wave and comes back with its data.</summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class StorageOutageDuringDispatchTests(SendingFaultsFixture faults)
{
    private const int Participants = 40;

    [Fact]
    public async Task After_storage_comes_back_everyone_is_invited_and_only_messages_in_flight_at_the_outage_can_repeat()
    {
        var emails = SendingFaultsFixture.Emails(Participants, "storage");
        var panelId = await faults.PanelAsync(emails);

        // A slow server keeps messages in flight, so the plug is pulled in the middle of the wave, not after it.
        faults.Smtp.DataDelay = TimeSpan.FromMilliseconds(100);
        Dictionary<string, int> beforeRestart;
        try
        {
            await faults.RunPlannerAsync();
            await WaitUntilAsync(() => faults.ReceivedFor(emails).Count >= 8);
            await faults.Azurite.StopAsync();

            // The batch fails once its storage calls have run out of retries; then nothing more goes out.
            await QuietAsync(emails);
            beforeRestart = faults.ReceivedFor(emails);
            Assert.InRange(beforeRestart.Count, 8, Participants - 1);
            await faults.Azurite.RestartAsync();
        }
        finally
        {
            faults.Smtp.DataDelay = TimeSpan.Zero;
        }

        // Rows still queued (their batch message is leased by a sender that failed) and rows claimed by that sender
        // come back to the planner once the claim lease has passed; until then nobody may send them.
        faults.Clock.Advance(InvitationLedger.ClaimLease + TimeSpan.FromMinutes(1));
        var rows = await faults.SendUntilSentAsync(panelId, Participants);

        Assert.Equal(Participants, rows.Count);
        Assert.All(rows, r => Assert.Equal(LedgerEntity.Sent, r.State));
        var received = faults.ReceivedFor(emails);
        Assert.Equal(Participants, received.Count);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Keys.Order());

        // The stated bound: a message sent but not yet marked when storage went (at most one per SMTP connection of the
        // failing batch) may go out again, under the same Message-ID; nothing else twice.
        var repeated = received.Where(kv => kv.Value > 1).ToList();
        Assert.All(repeated, kv => Assert.Equal(2, kv.Value));
        Assert.All(repeated, kv => Assert.True(beforeRestart.ContainsKey(kv.Key), $"{kv.Key} repeated but was not sent before the outage"));
        Assert.InRange(repeated.Count, 0, 4);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(30)) throw new TimeoutException("The wave did not start sending.");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the SMTP server has received nothing new for these recipients for a few seconds.</summary>
    private async Task QuietAsync(IReadOnlyList<string> emails)
    {
        var last = -1;
        var stableSince = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(stableSince) < TimeSpan.FromSeconds(4))
        {
            var now = faults.ReceivedFor(emails).Values.Sum();
            if (now != last)
            {
                last = now;
                stableSince = TimeProvider.System.GetTimestamp();
            }

            await Task.Delay(100);
        }
    }
}
