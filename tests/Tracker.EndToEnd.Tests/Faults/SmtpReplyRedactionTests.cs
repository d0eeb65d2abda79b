using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Invitations;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// A relay that quotes the recipient in its refusal (<c>550 5.1.1 &lt;alice@…&gt;: Recipient address rejected</c>):
/// the address reaches no ledger row, no status or plan output (the plan CSV is written from the plan's reasons) and
/// no log line; and erasure clears what the ledger kept of the reply.
/// </summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class SmtpReplyRedactionTests(SendingFaultsFixture faults)
{
    [Fact]
    public async Task A_refusal_that_quotes_the_address_is_stored_shown_and_logged_without_it()
    {
        var accepted = SendingFaultsFixture.Emails(2, "fine");
        var refused = SendingFaultsFixture.Emails(2, "quoted");
        var bad = new HashSet<string>(refused, StringComparer.OrdinalIgnoreCase);
        // One reply bracketed, one upper-cased and bare, as different relays word them.
        faults.Smtp.RecipientReply = (address, _) => !bad.Contains(address) ? null
            : address == refused[0] ? $"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
            : $"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient {address.ToUpperInvariant()} not found by SMTP address lookup";
        try
        {
            var panelId = await faults.PanelAsync([.. accepted, .. refused]);
            await faults.RunPlannerAsync();
            var rows = await faults.SettleAsync(panelId);

            var failed = rows.Where(r => r.State == LedgerEntity.Failed).ToList();
            Assert.Equal(2, failed.Count);
            Assert.Contains(failed, r => r.Error!.Contains("Recipient address rejected", StringComparison.Ordinal));
            Assert.Contains(failed, r => r.Error!.Contains("not found by SMTP address lookup", StringComparison.Ordinal));

            var status = await faults.Admin.GetStringAsync($"api/panels/{panelId}/status");
            var plan = await faults.Admin.GetStringAsync($"api/panels/{panelId}/plan");
            Assert.Contains("Recipient address rejected", status, StringComparison.Ordinal);
            Assert.Contains("Recipient address rejected", plan, StringComparison.Ordinal);
            var logs = faults.Logs.Lines.ToList();
            Assert.Contains(logs, l => l.Contains("Recipient address rejected", StringComparison.Ordinal));

            foreach (var address in refused)
            {
                var local = address[..address.IndexOf('@', StringComparison.Ordinal)];
                Assert.All(rows, r => Assert.DoesNotContain(local, JsonSerializer.Serialize(r), StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(local, status, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(local, plan, StringComparison.OrdinalIgnoreCase);
                Assert.All(logs, l => Assert.DoesNotContain(local, l, StringComparison.OrdinalIgnoreCase));
            }

            // Erasure's side: the stored replies of one participant are cleared, the other's are kept.
            var erased = InvitationEntity.ParticipantOf(failed[0].RowKey);
            var eraser = faults.Stack.Host.Services.GetRequiredService<IParticipantLedgerEraser>();
            Assert.IsType<LedgerErasure>(eraser);
            Assert.Equal(1, await eraser.EraseAsync(panelId, erased, 1, CancellationToken.None));
            var after = await faults.LedgerRowsAsync(panelId);
            var cleared = after.Single(r => r.RowKey == failed[0].RowKey);
            Assert.Null(cleared.Error);
            Assert.Equal(LedgerEntity.Failed, cleared.State);
            Assert.Equal(failed[1].Error, after.Single(r => r.RowKey == failed[1].RowKey).Error);
            Assert.Equal(0, await eraser.EraseAsync(panelId, erased, 1, CancellationToken.None));
        }
        finally
        {
            faults.Smtp.RecipientReply = (_, _) => null;
        }
    }
}
