using System.Text.RegularExpressions;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// A sender held back by the provider's cap outlives its claims' lease mid-batch while the timer re-plans them: each
/// invitation still reaches the server once (the late sender gives its claims back unsent), and rows merely waiting in
/// the slow batch are not queued a second time.
/// </summary>
[Collection(SlowSenderCollection.Name)]
public sealed partial class LeaseFencingTests(SlowSenderFixture faults)
{
    [Fact]
    public async Task A_slow_sender_whose_lease_runs_out_mid_batch_sends_no_duplicate_alongside_the_re_plan()
    {
        var emails = SendingFaultsFixture.Emails(12, "slow");
        var panelId = await faults.PanelAsync(emails);
        await faults.RunPlannerAsync();

        // Two sent at two a second: the others are claimed and waiting for the send rate, or still queued in the batch.
        var started = TimeProvider.System.GetTimestamp();
        while ((await faults.LedgerRowsAsync(panelId)).Count(r => r.State == LedgerEntity.Sent) < 2)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "nothing was sent");
            await Task.Delay(50);
        }

        var before = (await faults.LedgerRowsAsync(panelId)).ToList();
        Assert.Contains(before, r => r.State == LedgerEntity.Claimed);
        var linesBefore = faults.Logs.Lines.Count;
        faults.Clock.Advance(SendLedgerDefaults.ClaimLease + TimeSpan.FromMinutes(1));
        var advancedAt = faults.Clock.GetUtcNow();

        // The slow sender goes on with its batch (as it would on a real clock): wait until it has touched a row since.
        started = TimeProvider.System.GetTimestamp();
        while (!(await faults.LedgerRowsAsync(panelId)).Any(r => r.ClaimedAt >= advancedAt || r.SentAt >= advancedAt))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "the sender stopped");
            await Task.Delay(50);
        }

        await faults.RunPlannerAsync();

        // Only claims whose lease ran out are re-planned (at most one per connection); the batch's queued rows are not.
        var replanned = faults.Logs.Lines.Skip(linesBefore).Select(l => DispatchRun().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var queuedAgain = Assert.Single(replanned);
        Assert.InRange(queuedAgain, 1, 4);

        var rows = await faults.SettleAsync(panelId);
        for (var run = 0; rows.Count(r => r.State == LedgerEntity.Sent) < emails.Length && run < 20; run++)
        {
            // A claim given back unsent waits for the next timer run, as in production.
            await faults.RunPlannerAsync();
            rows = await faults.SettleAsync(panelId);
        }

        // A late duplicate would not show in the ledger: give it the time the send rate needs to reach the server.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(emails.Length, rows.Count(r => r.State == LedgerEntity.Sent));
        var received = faults.ReceivedFor(emails);
        Assert.Equal(emails.Length, received.Count);
        Assert.All(received, kv => Assert.Equal(1, kv.Value));
    }

    [GeneratedRegex(@"Dispatch run queued (\d+) messages")]
    private static partial Regex DispatchRun();
}
