using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// The connection drops right after the terminating dot of DATA: the server has the message, the sender never hears
/// so. That is one delivery attempt and an <c>unknown</c> row, shown in status, not five blind retries; the
/// researcher's re-send sends it exactly once more.
/// </summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class AmbiguousDeliveryTests(SendingFaultsFixture faults)
{
    [Fact]
    public async Task A_connection_lost_after_the_data_is_one_attempt_and_an_unknown_row_until_the_researcher_resends()
    {
        var emails = SendingFaultsFixture.Emails(4, "ambiguous");
        var dropped = emails[0];
        faults.Smtp.DropAfterData = recipients => recipients.Contains(dropped, StringComparer.OrdinalIgnoreCase);
        try
        {
            var panelId = await faults.PanelAsync(emails);
            await faults.RunPlannerAsync();
            var rows = await faults.SettleAsync(panelId);

            // Later timer runs do not send it again either.
            await faults.RunPlannerAsync();
            rows = await faults.SettleAsync(panelId);
            Assert.Equal(3, rows.Count(r => r.State == LedgerEntity.Sent));
            var unknown = Assert.Single(rows, r => r.State == LedgerEntity.Unknown);
            Assert.Equal(1, faults.Smtp.DataAttemptsFor(dropped));
            var copies = faults.ReceivedFor([dropped]);
            Assert.Equal(1, Assert.Single(copies).Value);
            Assert.Contains(copies.Keys.Single(), unknown.MessageId, StringComparison.Ordinal);

            var wave = (await faults.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status")).GetProperty("waves")[0];
            Assert.Equal(1, wave.GetProperty("unknown").GetInt32());
            Assert.Equal(3, wave.GetProperty("sent").GetInt32());
            var plan = await faults.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
            Assert.Equal(1, plan.GetProperty("waves")[0].GetProperty("counts").GetProperty("invite").GetProperty(LedgerEntity.Unknown).GetInt32());

            // The deliberate re-send: one more copy, with the same Message-ID, and the row is sent.
            faults.Smtp.DropAfterData = _ => false;
            var resend = await faults.Admin.PostAsync($"api/panels/{panelId}/waves/1/resend-unknown", null);
            Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
            Assert.Equal(1, (await resend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
            rows = await faults.SettleAsync(panelId);
            Assert.Equal(4, rows.Count(r => r.State == LedgerEntity.Sent));
            Assert.Equal(2, faults.ReceivedFor([dropped]).Single().Value);
            Assert.Equal(2, faults.Smtp.DataAttemptsFor(dropped));

            // Nothing unknown is left, so a second request re-sends nothing.
            var again = await faults.Admin.PostAsync($"api/panels/{panelId}/waves/1/resend-unknown", null);
            Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        }
        finally
        {
            faults.Smtp.DropAfterData = _ => false;
        }
    }
}
