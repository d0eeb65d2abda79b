using System.Globalization;
using System.Net;
using Tracker.Engine.Invitations;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>
/// A wave dispatched late (the timer did not run for two days after the nominal opening): the participant's window
/// still runs its full length from their own invitation. The email's deadline says so, the link works after the
/// nominal close and refuses after invitation + window, and the wave is neither sealed nor shown closed before then.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class LateDispatchWindowTests(StackFixture stack)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(5);
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task A_late_invitation_gets_the_whole_window_from_when_it_was_sent()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var opens = stack.Clock.GetUtcNow();
        var email = StackFixture.Emails(1)[0];
        await engine.EnrolAsync(panelId, [email], "Europe/Berlin");

        stack.Clock.Advance(TimeSpan.FromDays(2));
        await engine.RunTimerAsync(panelId);
        var invitedAt = (await engine.LedgerAsync(panelId, 1)).Values.Single(r => r.Kind == MessageKind.Invite).ClaimedAt;
        Assert.True(invitedAt >= opens + TimeSpan.FromDays(2), $"invited at {invitedAt:O}, before the late dispatch");
        var deadline = invitedAt + Window;

        var (survey, _, message) = await engine.LinksAsync(email, 1);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var expected = TimeZoneInfo.ConvertTime(deadline, berlin).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        var text = await stack.Inbox.GetPlainTextAsync(message.Id);
        Assert.Contains($"You can answer until {expected}", text, StringComparison.Ordinal);

        // A day after the nominal close (opening + window), still inside invitation + window.
        stack.Clock.Advance(opens + Window + TimeSpan.FromDays(1) - stack.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync(survey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(survey, EngineDriver.Answers(4))).StatusCode);
        var status = await engine.StatusAsync(panelId);
        Assert.Equal("open", status.GetProperty("waves")[0].GetProperty("state").GetString());
        var seal = await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null);
        Assert.Equal(HttpStatusCode.Conflict, seal.StatusCode);
        Assert.Contains(deadline.ToString("O", CultureInfo.InvariantCulture)[..16], await seal.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Past invitation + window: closed, and now it seals.
        stack.Clock.Advance(deadline + TimeSpan.FromMinutes(1) - stack.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Gone, (await stack.Anonymous.GetAsync(survey)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await stack.Anonymous.PostAsync(survey, EngineDriver.Answers(3))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null)).StatusCode);
    }

    [Fact]
    public async Task An_invitation_sent_on_time_keeps_the_nominal_close()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 1, ["interval"] = "P7D", ["window"] = "P5D" });
        var opens = stack.Clock.GetUtcNow();
        var email = StackFixture.Emails(1)[0];
        await engine.EnrolAsync(panelId, [email]);

        stack.Clock.Advance(TimeSpan.FromMinutes(4));
        await engine.RunTimerAsync(panelId);
        var (survey, _, message) = await engine.LinksAsync(email, 1);
        var expected = (opens + Window).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"You can answer until {expected}", await stack.Inbox.GetPlainTextAsync(message.Id), StringComparison.Ordinal);

        stack.Clock.Advance(opens + Window + TimeSpan.FromSeconds(1) - stack.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Gone, (await stack.Anonymous.GetAsync(survey)).StatusCode);
    }
}
