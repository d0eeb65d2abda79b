using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Instruments;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;
using Tracker.Engine.Summaries;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// A trend summary whose connection drops right after the terminating dot of DATA is recorded as <c>unknown</c>, as an
/// invitation is: one delivery attempt, and no later timer run (even after the claim's lease) sends it blindly again.
/// </summary>
[Collection(SendingFaultsCollection.Name)]
public sealed class AmbiguousSummaryTests(SendingFaultsFixture faults)
{
    [Fact]
    public async Task A_summary_lost_after_its_data_is_one_attempt_and_an_unknown_row_not_a_second_copy()
    {
        var stakeholders = SendingFaultsFixture.Emails(2, "summary-ambiguous");
        var dropped = stakeholders[0];
        var created = await faults.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Ambiguous summary",
            instrument = "default",
            stakeholders,
            schedule = new { start = faults.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        using (var csv = new StringContent("email\n" + string.Join('\n', SendingFaultsFixture.Emails(6, "summary-member")), System.Text.Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, (await faults.Admin.PostAsync($"api/panels/{panelId}/participants", csv)).StatusCode);
        }

        // Everyone answers wave 1 (answers differ between participants), then the wave closes.
        var services = faults.Stack.Host.Services;
        var panel = (await services.GetRequiredService<PanelService>().GetAsync(panelId, CancellationToken.None))!;
        var links = services.GetRequiredService<ParticipantLinks>();
        using var anonymous = faults.Stack.Host.CreateClient(withAdminKey: false);
        var value = 2;
        foreach (var participant in await services.GetRequiredService<ParticipantRepository>().ListAsync(panelId, CancellationToken.None))
        {
            using var answers = new FormUrlEncodedContent(DefaultInstrument.Instance.Items.Select((item, i) =>
                new KeyValuePair<string, string>(item.Id, ((value + i) % 7 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(links.SurveyLink(panel, participant, 1), answers)).StatusCode);
            value++;
        }

        faults.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        faults.Smtp.DropAfterData = recipients => recipients.Contains(dropped, StringComparer.OrdinalIgnoreCase);
        try
        {
            var period = SummaryPeriod.Latest(panel, faults.Clock.GetUtcNow())!;
            await faults.Stack.Host.InvokeAsync("SendTrendSummaries");
            // A later run, past the lease after which a claim left behind would be taken over and sent again.
            faults.Clock.Advance(SummaryLedger.ClaimLease + TimeSpan.FromMinutes(1));
            await faults.Stack.Host.InvokeAsync("SendTrendSummaries");

            var rows = await services.GetRequiredService<SummaryLedger>().ReadPeriodAsync(panelId, period.Key, CancellationToken.None);
            Assert.Equal(LedgerEntity.Unknown, rows[SummaryLedger.RecipientKey(dropped)].State);
            Assert.Equal(LedgerEntity.Sent, rows[SummaryLedger.RecipientKey(stakeholders[1])].State);
            Assert.Equal(1, faults.Smtp.DataAttemptsFor(dropped));
            Assert.Equal(1, faults.Smtp.DataAttemptsFor(stakeholders[1]));
            Assert.Equal(1, faults.ReceivedFor([dropped]).Values.Sum());
        }
        finally
        {
            faults.Smtp.DropAfterData = _ => false;
        }
    }
}
