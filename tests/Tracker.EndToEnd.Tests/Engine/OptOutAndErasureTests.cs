using System.Net;
using Tracker.Engine.Participants;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>The opt-out page from the email's List-Unsubscribe link, late submissions, and erasure, over HTTP.</summary>
[Collection(StackCollection.Name)]
public sealed class OptOutAndErasureTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task Skip_stop_reminders_leave_and_one_click_each_do_what_they_say_over_two_waves()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D", ["reminders"] = new[] { "P2D" } });
        var emails = StackFixture.Emails(5);
        var (skip, noReminders, leave, oneClick, nothing) = (emails[0], emails[1], emails[2], emails[3], emails[4]);
        await engine.EnrolAsync(panelId, emails);
        await engine.RunTimerAsync(panelId);

        // Every email names its opt-out page in List-Unsubscribe, with the RFC 8058 one-click header beside it.
        foreach (var email in emails)
        {
            var (_, optOut, message) = await engine.LinksAsync(email, 1);
            Assert.Equal($"<{optOut}>", message.Header("List-Unsubscribe"));
            Assert.Equal("List-Unsubscribe=One-Click", message.Header("List-Unsubscribe-Post"));
        }

        var page = await stack.Anonymous.GetAsync(await OptOutLinkAsync(skip));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Skip wave 1", html, StringComparison.Ordinal);
        Assert.Contains("Stop reminders", html, StringComparison.Ordinal);
        Assert.Contains("Leave the panel", html, StringComparison.Ordinal);

        await ChooseAsync(skip, new() { ["choice"] = "skip" }, "no more emails about wave 1");
        await ChooseAsync(noReminders, new() { ["choice"] = "reminders" }, "no more reminders");
        await ChooseAsync(leave, new() { ["choice"] = "leave" }, "You have left the panel");
        await ChooseAsync(oneClick, new() { ["List-Unsubscribe"] = "One-Click" }, "You have left the panel");
        var unchosen = await stack.Anonymous.PostAsync(await OptOutLinkAsync(nothing), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);

        // Wave 1's reminder; wave 2's invitation and reminder.
        stack.Clock.Advance(TimeSpan.FromDays(2));
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(5));
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(2));
        await engine.RunTimerAsync(panelId);

        var kinds = await engine.KindsAsync(emails);
        Assert.Equal(["invite 1", "invite 2", "reminder 2"], kinds[skip]);
        Assert.Equal(["invite 1", "invite 2"], kinds[noReminders]);
        Assert.Equal(["invite 1"], kinds[leave]);
        Assert.Equal(["invite 1"], kinds[oneClick]);
        Assert.Equal(["invite 1", "reminder 1", "invite 2", "reminder 2"], kinds[nothing]);

        // The page of someone who left says so instead of offering choices.
        var left = await stack.Anonymous.GetStringAsync(await OptOutLinkAsync(leave));
        Assert.Contains("You have left the panel", left, StringComparison.Ordinal);
        Assert.DoesNotContain("Save my choice", left, StringComparison.Ordinal);

        var status = await engine.StatusAsync(panelId);
        Assert.Equal(2, status.GetProperty("left").GetInt32());
        Assert.Equal(1, status.GetProperty("remindersOff").GetInt32());
        Assert.Equal(3, status.GetProperty("waves")[0].GetProperty("optedOut").GetInt32());

        // Those who opted out after their invitation stay planned for that wave: planned never falls below invited.
        var (wave1, wave2) = (status.GetProperty("waves")[0], status.GetProperty("waves")[1]);
        Assert.Equal((5, 5), (wave1.GetProperty("planned").GetInt32(), wave1.GetProperty("invited").GetInt32()));
        Assert.Equal((3, 3), (wave2.GetProperty("planned").GetInt32(), wave2.GetProperty("invited").GetInt32()));
    }

    [Fact]
    public async Task A_submission_after_the_participants_own_window_gets_410_while_a_later_joiner_can_still_answer()
    {
        var start = stack.Clock.GetUtcNow();
        var panelId = await engine.CreatePanelAsync(new()
        {
            ["kind"] = "rolling",
            ["waves"] = 2,
            ["interval"] = "P7D",
            ["window"] = "P1D",
            ["enrolUntil"] = start.AddDays(3),
        });
        var first = StackFixture.Emails(1)[0];
        await engine.EnrolAsync(panelId, [first]);
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromHours(12));
        var second = StackFixture.Emails(1)[0];
        await engine.EnrolAsync(panelId, [second]);
        await engine.RunTimerAsync(panelId);
        var firstLink = (await engine.LinksAsync(first, 1)).Survey;
        var secondLink = (await engine.LinksAsync(second, 1)).Survey;

        // A day after the first participant's invitation: their window has closed, the second's has twelve hours to go.
        stack.Clock.Advance(TimeSpan.FromHours(12));
        var late = await stack.Anonymous.PostAsync(firstLink, EngineDriver.Answers(3));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("This survey has closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await stack.Anonymous.GetAsync(firstLink)).StatusCode);
        await engine.AnswerAsync(secondLink, 3);

        var wave1 = (await engine.StatusAsync(panelId)).GetProperty("waves")[0];
        Assert.Equal(1, wave1.GetProperty("responded").GetInt32());
    }

    [Fact]
    public async Task Erasure_removes_the_contact_and_optionally_the_answers_and_nothing_is_sent_again()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D", ["reminders"] = new[] { "P1D" } });
        var emails = StackFixture.Emails(3);
        var (withAnswers, contactOnly, stays) = (emails[0], emails[1], emails[2]);
        var ids = await engine.EnrolAsync(panelId, emails);
        await engine.RunTimerAsync(panelId);
        var (erasedLink, erasedOptOut, _) = await engine.LinksAsync(withAnswers, 1);
        await engine.AnswerAsync(erasedLink);
        await engine.AnswerAsync((await engine.LinksAsync(stays, 1)).Survey);

        var erased = await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/{ids[withAnswers]}?responses=true");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("\"responseRowsDeleted\":1", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/{ids[contactOnly]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/pnotaparticipant0000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.DeleteAsync($"api/panels/pnosuchpanel/participants/{ids[stays]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.DeleteAsync($"api/panels/{panelId}/participants/{ids[stays]}")).StatusCode);

        var repository = engine.Service<ParticipantRepository>();
        Assert.Null(await repository.GetContactAsync(panelId, ids[withAnswers], CancellationToken.None));
        Assert.Null(await repository.GetContactAsync(panelId, ids[contactOnly], CancellationToken.None));
        Assert.NotNull(await repository.GetContactAsync(panelId, ids[stays], CancellationToken.None));
        Assert.Equal(1, (await engine.StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("responded").GetInt32());

        // Their links now look like bad links; the reminder and the next wave go only to the one who stays.
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync(erasedLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync(erasedOptOut)).StatusCode);
        stack.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunTimerAsync(panelId);
        stack.Clock.Advance(TimeSpan.FromDays(6));
        await engine.RunTimerAsync(panelId);

        var kinds = await engine.KindsAsync(emails);
        Assert.Equal(["invite 1"], kinds[withAnswers]);
        Assert.Equal(["invite 1"], kinds[contactOnly]);
        Assert.Equal(["invite 1", "invite 2"], kinds[stays]);
    }

    private async Task<string> OptOutLinkAsync(string email) => (await engine.LinksAsync(email, 1)).OptOut;

    private async Task ChooseAsync(string email, Dictionary<string, string> form, string saved)
    {
        var response = await stack.Anonymous.PostAsync(await OptOutLinkAsync(email), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(saved, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
