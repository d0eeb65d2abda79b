using System.Net;
using System.Text.Json;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>Reminders through the timer and the queue-triggered sender, against Azurite and smtp4dev.</summary>
[Collection(StackCollection.Name)]
public sealed class ReminderTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task Reminders_go_only_to_those_who_have_not_answered_and_stop_once_they_do()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D", ["reminders"] = new[] { "P1D", "P3D" } });
        var emails = StackFixture.Emails(3);
        var (early, late, never) = (emails[0], emails[1], emails[2]);
        await engine.EnrolAsync(panelId, emails);

        await engine.RunTimerAsync(panelId);
        await engine.AnswerAsync((await engine.LinksAsync(early, 1)).Survey);

        // Reminder 1 is due a day later: not for the one who answered.
        stack.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunTimerAsync(panelId);
        await engine.AnswerAsync((await engine.LinksAsync(late, 1)).Survey);

        // Reminder 2 (day 3) only for the one still silent; a second run sends nothing more.
        stack.Clock.Advance(TimeSpan.FromDays(2));
        await engine.RunTimerAsync(panelId);
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunTimerAsync(panelId);

        var kinds = await engine.KindsAsync(emails);
        Assert.Equal(["invite 1"], kinds[early]);
        Assert.Equal(["invite 1", "reminder 1"], kinds[late]);
        Assert.Equal(["invite 1", "reminder 1", "reminder 1"], kinds[never]);

        var ledger = await engine.LedgerAsync(panelId, 1);
        Assert.Equal(2, ledger.Values.Count(r => r.Kind == MessageKind.Reminder(1) && r.State == LedgerEntity.Sent));
        Assert.Single(ledger.Values, r => r.Kind == MessageKind.Reminder(2) && r.State == LedgerEntity.Sent);
    }

    [Fact]
    public async Task A_participant_who_saved_some_pages_but_not_the_last_is_still_reminded()
    {
        // Two pages: the constructs split in half, so a participant can stop after the first.
        var constructs = DefaultInstrument.Instance.Constructs;
        var paged = DefaultInstrument.Instance with
        {
            Translations = null,
            Pages =
            [
                new Page("first", [.. constructs.Take(4).Select(c => new PageEntry(c.Id, null))]),
                new Page("second", [.. constructs.Skip(4).Select(c => new PageEntry(c.Id, null))]),
            ],
        };
        var panelId = await engine.CreatePanelAsync(
            new() { ["waves"] = 1, ["interval"] = "P7D", ["window"] = "P5D", ["reminders"] = new[] { "P1D" } },
            instrument: JsonDocument.Parse(InstrumentJson.Serialize(paged)).RootElement);
        var emails = StackFixture.Emails(2);
        var (finished, stopped) = (emails[0], emails[1]);
        await engine.EnrolAsync(panelId, emails);
        await engine.RunTimerAsync(panelId);

        async Task SavePageAsync(string link, Page page)
        {
            var fields = page.Items.SelectMany(e => constructs.Single(c => c.Id == e.Construct).Items).Select(i => new KeyValuePair<string, string>(i.Id, "5")).Prepend(new("_page", page.Id));
            using var form = new FormUrlEncodedContent(fields);
            Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(link, form)).StatusCode);
        }

        var finishedLink = (await engine.LinksAsync(finished, 1)).Survey;
        await SavePageAsync(finishedLink, paged.Pages[0]);
        await SavePageAsync(finishedLink, paged.Pages[1]);
        await SavePageAsync((await engine.LinksAsync(stopped, 1)).Survey, paged.Pages[0]);

        stack.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunTimerAsync(panelId);

        var kinds = await engine.KindsAsync(emails);
        Assert.Equal(["invite 1"], kinds[finished]);
        Assert.Equal(["invite 1", "reminder 1"], kinds[stopped]);
    }

    [Fact]
    public async Task A_reminder_queued_before_the_answer_arrives_is_settled_as_skipped_not_sent()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 1, ["interval"] = "P7D", ["window"] = "P5D", ["reminders"] = new[] { "P2D" } });
        var email = StackFixture.Emails(1)[0];
        var ids = await engine.EnrolAsync(panelId, [email]);
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(2));

        // The planner's half, as the timer would do it, but the batch waits while the participant answers.
        var ledger = engine.Service<InvitationLedger>();
        var row = InvitationLedger.NewRow(panelId, 1, ids[email], MessageKind.Reminder(1));
        Assert.Single(await ledger.EnqueueAsync([row], stack.Clock.GetUtcNow(), CancellationToken.None));
        await engine.AnswerAsync((await engine.LinksAsync(email, 1)).Survey);
        var batch = JsonSerializer.Serialize(new DispatchBatch(panelId, 1, [new DispatchItem(ids[email], MessageKind.Reminder(1))]), DispatchBatchJson.Options);
        await stack.Stack.Host.InvokeAsync("SendDispatchBatch", batch);

        var settled = (await engine.LedgerAsync(panelId, 1))[InvitationEntity.Row(ids[email], MessageKind.Reminder(1))];
        Assert.Equal((LedgerEntity.Skipped, "already answered"), (settled.State, settled.Error));
        Assert.Equal(["invite 1"], (await engine.KindsAsync([email]))[email]);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync((await engine.LinksAsync(email, 1)).Survey)).StatusCode);
    }
}
