using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>The SMTP server answers with transient (4xx) and permanent (5xx) refusals.</summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class SmtpRefusalTests(SendingFaultsFixture faults)
{
    [Fact]
    public async Task A_451_on_the_first_attempt_is_retried_and_every_invitation_goes_out_once()
    {
        var emails = SendingFaultsFixture.Emails(10, "greylisted");
        var ours = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        faults.Smtp.RecipientReply = (address, attempt) => ours.Contains(address) && attempt == 1 ? "451 4.7.1 Greylisted, please try again later" : null;
        try
        {
            var panelId = await faults.PanelAsync(emails);
            var rows = await faults.SendUntilSentAsync(panelId, emails.Length);

            Assert.Equal(emails.Length, rows.Count(r => r.State == LedgerEntity.Sent));
            var received = faults.ReceivedFor(emails);
            Assert.Equal(emails.Length, received.Count);
            Assert.All(received, kv => Assert.Equal(1, kv.Value));

            // Every recipient really was refused once and accepted on a retry.
            Assert.All(emails, e => Assert.Equal(2, faults.Smtp.AttemptsFor(e)));
        }
        finally
        {
            faults.Smtp.RecipientReply = (_, _) => null;
        }
    }

    [Fact]
    public async Task A_550_is_recorded_as_failed_with_its_reason_never_retried_and_shown_in_status()
    {
        var accepted = SendingFaultsFixture.Emails(3, "ok");
        var refused = SendingFaultsFixture.Emails(2, "nouser");
        var bad = new HashSet<string>(refused, StringComparer.OrdinalIgnoreCase);
        faults.Smtp.RecipientReply = (address, _) => bad.Contains(address) ? "550 5.1.1 Mailbox unavailable" : null;
        try
        {
            var panelId = await faults.PanelAsync([.. accepted, .. refused]);
            await faults.RunPlannerAsync();
            var rows = await faults.SettleAsync(panelId);

            Assert.Equal(3, rows.Count(r => r.State == LedgerEntity.Sent));
            var failed = rows.Where(r => r.State == LedgerEntity.Failed).ToList();
            Assert.Equal(2, failed.Count);
            Assert.All(failed, r => Assert.Contains("550", r.Error, StringComparison.Ordinal));
            Assert.All(failed, r => Assert.Contains("Mailbox unavailable", r.Error, StringComparison.Ordinal));

            // A permanent refusal is not retried, now or by the next timer run.
            await faults.RunPlannerAsync();
            await faults.SettleAsync(panelId);
            Assert.All(refused, e => Assert.Equal(1, faults.Smtp.AttemptsFor(e)));
            Assert.Equal(3, faults.ReceivedFor(accepted).Count);
            Assert.Empty(faults.ReceivedFor(refused));

            var status = await faults.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");
            var wave = status.GetProperty("waves")[0];
            Assert.Equal(3, wave.GetProperty("invited").GetInt32());
            Assert.Equal(2, wave.GetProperty("failed").GetInt32());
            var failure = Assert.Single(wave.GetProperty("failures").EnumerateArray());
            Assert.Equal(2, failure.GetProperty("count").GetInt32());
            var reason = failure.GetProperty("reason").GetString()!;
            Assert.Contains("550", reason, StringComparison.Ordinal);
            Assert.DoesNotContain("@", reason, StringComparison.Ordinal);
        }
        finally
        {
            faults.Smtp.RecipientReply = (_, _) => null;
        }
    }
}
