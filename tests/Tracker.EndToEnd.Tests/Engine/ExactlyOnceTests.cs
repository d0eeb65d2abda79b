using System.Net;
using Tracker.Engine.Email;
using Tracker.Engine.Invitations;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>Each invitation once however the dispatchers overlap; after a crash, repeats only of what was in flight.</summary>
[Collection(StackCollection.Name)]
public sealed class ExactlyOnceTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task Two_timer_runs_and_the_admin_dispatch_at_once_send_each_invitation_once_with_its_deterministic_message_id()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(8);
        var ids = await engine.EnrolAsync(panelId, emails);

        var admin = stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null);
        await Task.WhenAll(stack.Stack.Host.InvokeAsync("DispatchDueWaves"), stack.Stack.Host.InvokeAsync("DispatchDueWaves"), admin);
        Assert.Equal(HttpStatusCode.Accepted, (await admin).StatusCode);
        await engine.SettledAsync(panelId);
        await stack.Stack.Host.InvokeAsync("DispatchDueWaves");
        await engine.SettledAsync(panelId);

        // A duplicate would not be in the ledger, so give one a moment to reach smtp4dev before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var all = await stack.Inbox.ListMessagesAsync();
        foreach (var email in emails)
        {
            var message = Assert.Single(all, m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase));
            var details = (await stack.Inbox.GetMessageAsync(message.Id))!;
            Assert.Equal(EngineDriver.ExpectedMessageId(panelId, 1, ids[email], MessageKind.Invite), details.Header("Message-ID"));
        }

        var ledger = await engine.LedgerAsync(panelId, 1);
        Assert.Equal(8, ledger.Values.Count(r => r.Kind == MessageKind.Invite && r.State == LedgerEntity.Sent));
    }

    [Fact]
    public async Task A_sender_that_crashed_mid_wave_is_taken_over_after_the_lease_and_only_its_in_flight_messages_can_repeat()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(6);
        var ids = await engine.EnrolAsync(panelId, emails);

        // The crashed sender had claimed three invitations; it got one of them out to the SMTP server before dying.
        var inFlight = emails.Take(3).ToList();
        var sentBeforeCrash = inFlight[0];
        var ledger = engine.Service<InvitationLedger>();
        var mailer = engine.Service<SmtpMailer>();
        var crashedAt = stack.Clock.GetUtcNow();
        foreach (var email in inFlight)
        {
            var messageId = InvitationComposer.MessageId(panelId, 1, ids[email], MessageKind.Invite, mailer.Sender.Address);
            Assert.NotNull(await ledger.TryClaimAsync(panelId, 1, ids[email], MessageKind.Invite, messageId, crashedAt, CancellationToken.None));
        }

        var panel = (await engine.Service<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        var participant = (await engine.Service<ParticipantRepository>().GetAsync(panelId, ids[sentBeforeCrash], CancellationToken.None))!;
        var links = engine.Service<ParticipantLinks>();
        await mailer.SendAsync(
            InvitationComposer.Compose(engine.Service<IEmailBodyRenderer>(), panel, participant, 1, MessageKind.Invite, mailer.Sender, sentBeforeCrash, links.SurveyLink(panel, participant, 1), links.OptOutLink(panel, participant, 1)),
            CancellationToken.None);

        // A restart inside the lease sends everyone else and leaves the claimed ones alone.
        var claimedKeys = inFlight.Select(e => InvitationEntity.Partition(panelId, 1) + "|" + InvitationEntity.Row(ids[e], MessageKind.Invite)).ToList();
        await stack.Stack.Host.InvokeAsync("DispatchDueWaves");
        await engine.SettledAsync(panelId, claimedKeys);
        var kinds = await engine.KindsAsync(emails);
        Assert.All(emails.Skip(3), e => Assert.Equal(["invite 1"], kinds[e]));
        Assert.Equal(["invite 1"], kinds[sentBeforeCrash]);
        Assert.Empty(kinds[inFlight[1]]);
        Assert.Empty(kinds[inFlight[2]]);

        // Past the lease the next run takes the claims over: everyone invited, and the one message that was in flight
        // and had left repeats, with the same Message-ID. Nothing else repeats.
        stack.Clock.Advance(SendLedger<InvitationEntity>.ClaimLease + TimeSpan.FromMinutes(1));
        await engine.RunTimerAsync(panelId);
        await engine.RunTimerAsync(panelId);

        // The settled check counts one message per sent row, which the pre-crash copy already meets: wait for the repeat.
        var waited = TimeProvider.System.GetTimestamp();
        while ((await engine.MailToAsync(sentBeforeCrash)).Count < 2 && TimeProvider.System.GetElapsedTime(waited) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));

        kinds = await engine.KindsAsync(emails);
        Assert.All(emails.Where(e => e != sentBeforeCrash), e => Assert.Equal(["invite 1"], kinds[e]));
        Assert.Equal(["invite 1", "invite 1"], kinds[sentBeforeCrash]);
        var repeated = await engine.MailToAsync(sentBeforeCrash);
        var expectedId = EngineDriver.ExpectedMessageId(panelId, 1, ids[sentBeforeCrash], MessageKind.Invite);
        foreach (var message in repeated)
        {
            Assert.Equal(expectedId, (await stack.Inbox.GetMessageAsync(message.Id))!.Header("Message-ID"));
        }

        var rows = await engine.LedgerAsync(panelId, 1);
        Assert.All(emails, e => Assert.Equal(LedgerEntity.Sent, rows[InvitationEntity.Row(ids[e], MessageKind.Invite)].State));
        Assert.All(inFlight, e => Assert.Equal(2, rows[InvitationEntity.Row(ids[e], MessageKind.Invite)].Attempts));
    }
}
