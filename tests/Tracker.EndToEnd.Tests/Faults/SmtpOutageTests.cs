using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>The SMTP server is down while a wave goes out, and comes back.</summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class SmtpOutageTests(SendingFaultsFixture faults)
{
    [Fact]
    public async Task With_the_SMTP_server_down_nothing_is_marked_sent_and_after_it_is_back_everyone_is_sent_exactly_once()
    {
        // Three participants: five attempts each stay under the circuit breaker's minimum throughput, so what is tested
        // is the release of claims, not the breaker (which the retry loop below would ride out anyway).
        var emails = SendingFaultsFixture.Emails(3, "down");
        var panelId = await faults.PanelAsync(emails);
        await faults.Smtp.StopAsync();
        try
        {
            await faults.RunPlannerAsync();
            var during = await faults.SettleAsync(panelId);

            // Every claim was given back (the row deleted), none is left claimed for a lease, none marked sent.
            Assert.DoesNotContain(during, r => r.State == LedgerEntity.Sent);
            Assert.Empty(during);
            Assert.Empty(faults.ReceivedFor(emails));
        }
        finally
        {
            faults.Smtp.Listen();
        }

        var after = await faults.SendUntilSentAsync(panelId, emails.Length);
        Assert.Equal(emails.Length, after.Count(r => r.State == LedgerEntity.Sent));
        Assert.Equal(emails.Length, after.Count);
        var received = faults.ReceivedFor(emails);
        Assert.Equal(emails.Length, received.Count);
        Assert.All(received, kv => Assert.Equal(1, kv.Value));
        Assert.Equal(after.Select(r => r.MessageId).Order(), received.Keys.Order());
    }
}
