using MimeKit;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Tests.Invitations;

/// <summary>Who a link reissue after a key change is for, what its ledger kind is, and what its email says.</summary>
public sealed class LinkReissueTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    // Two waves a week apart, each open 5 days.
    private static readonly Panel Panel = new("p1", "Study", DefaultInstrument.Instance, new WaveSchedule(Start, 2, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "UTC", Start);

    private static readonly Participant Someone = new("p1", "a1", "UTC", true, Start.AddDays(-3));

    private static readonly DateTimeOffset DuringWaveOne = Start.AddDays(2);

    private static bool IsFor(Participant? participant = null, DateTimeOffset? now = null, string? inviteState = LedgerEntity.Sent, bool responded = false, bool includeResponded = false) =>
        SendPlan.ReissueIsFor(Panel, participant ?? Someone, 1, now ?? DuringWaveOne, inviteState, responded, includeResponded);

    [Fact]
    public void An_invited_participant_who_has_not_answered_gets_one_and_a_respondent_only_when_asked()
    {
        Assert.True(IsFor());
        Assert.False(IsFor(responded: true));
        Assert.True(IsFor(responded: true, includeResponded: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(LedgerEntity.Queued)]
    [InlineData(LedgerEntity.Claimed)]
    [InlineData(LedgerEntity.Failed)]
    [InlineData(LedgerEntity.Skipped)]
    [InlineData(LedgerEntity.Unknown)]
    public void Nobody_whose_invitation_did_not_go_out_gets_one(string? inviteState)
    {
        // Not sent yet: the invitation itself will carry a link signed with the active key. Unknown: resend-unknown does.
        Assert.False(IsFor(inviteState: inviteState));
    }

    [Fact]
    public void Those_who_left_or_skipped_get_none_but_stopping_reminders_does_not_stop_a_new_link()
    {
        Assert.False(IsFor(Someone with { Active = false, LeftWave = 1 }));
        Assert.False(IsFor(Someone with { SkippedWaves = new HashSet<int> { 1 } }, includeResponded: true));
        Assert.True(IsFor(Someone with { RemindersOff = true }));
        Assert.True(IsFor(Someone with { SkippedWaves = new HashSet<int> { 2 } }));
    }

    [Fact]
    public void Only_inside_the_participants_own_window()
    {
        Assert.False(IsFor(now: Start.AddTicks(-1)));
        Assert.True(IsFor(now: Start));
        Assert.True(IsFor(now: Start.AddDays(5).AddTicks(-1)));
        Assert.False(IsFor(now: Start.AddDays(5)));
    }

    [Fact]
    public void The_sender_cancels_a_reissue_only_for_leaving_or_skipping_never_for_answering_or_stopped_reminders()
    {
        var kind = MessageKind.Reissue("k2");
        Assert.Null(SendPlan.Refusal(Panel, Someone with { RemindersOff = true }, 1, kind, DuringWaveOne, responded: true));
        Assert.Equal("left the panel", SendPlan.Refusal(Panel, Someone with { Active = false }, 1, kind, DuringWaveOne, responded: false));
        Assert.Equal("window closed", SendPlan.Refusal(Panel, Someone, 1, kind, Start.AddDays(5), responded: false));

        // A reminder to the same participant is cancelled: the two kinds must not be confused.
        Assert.Equal("already answered", SendPlan.Refusal(Panel, Someone, 1, MessageKind.Reminder(1), DuringWaveOne, responded: true));
    }

    [Theory]
    [InlineData("k2", "reissue-k2")]
    [InlineData("2026/12#b?", "reissue-2026%2F12%23b%3F")]
    public void The_kind_names_the_key_and_is_neither_an_invitation_nor_a_reminder(string keyId, string expected)
    {
        var kind = MessageKind.Reissue(keyId);
        Assert.Equal(expected, kind);
        Assert.True(MessageKind.IsKnown(kind));
        Assert.True(MessageKind.IsReissue(kind));
        Assert.Equal(0, MessageKind.ReminderNumber(kind));
        Assert.NotEqual(kind, MessageKind.Reissue(keyId + "x"));
        Assert.False(MessageKind.IsReissue(MessageKind.Invite) || MessageKind.IsReissue(MessageKind.Reminder(1)) || MessageKind.IsReissue("reissue-"));
        Assert.DoesNotContain(kind, c => c is '/' or '\\' or '#' or '?');
    }

    [Fact]
    public void Kinds_order_as_they_go_out()
    {
        string[] kinds = [MessageKind.Reissue("k2"), MessageKind.Reminder(10), MessageKind.Invite, MessageKind.Reminder(2)];
        Assert.Equal([MessageKind.Invite, MessageKind.Reminder(2), MessageKind.Reminder(10), MessageKind.Reissue("k2")], kinds.OrderBy(MessageKind.Order));
    }

    [Fact]
    public void The_email_says_earlier_links_no_longer_work_and_carries_the_new_one()
    {
        var link = new Uri("https://tracker.example.org/api/r/new-token");
        var message = InvitationComposer.Compose(Tracker.Engine.Tests.Summaries.EmailBodies.Razor, Panel, Someone, 1, MessageKind.Reissue("k2"), new MailboxAddress("Tracker", "tracker@example.org"), "a@example.org", link, new Uri("https://tracker.example.org/api/o/opt"));
        Assert.StartsWith("New link — Study: your survey for wave 1 of 2", message.Subject, StringComparison.Ordinal);
        Assert.Contains("The links in our earlier emails about \"Study\" no longer work.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(link.ToString(), message.TextBody, StringComparison.Ordinal);
        Assert.Contains("no longer work", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("p1.w1.a1.reissue-k2@example.org", message.MessageId);

        var invitation = InvitationComposer.Compose(Tracker.Engine.Tests.Summaries.EmailBodies.Razor, Panel, Someone, 1, MessageKind.Invite, new MailboxAddress("Tracker", "tracker@example.org"), "a@example.org", link, new Uri("https://tracker.example.org/api/o/opt"));
        Assert.DoesNotContain("no longer work", invitation.TextBody, StringComparison.Ordinal);
    }
}
