using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Tests.Schedules;

/// <summary>What <see cref="SendPlan"/> sends when, walking a fake clock through one wave: reminders only to those who need them.</summary>
public sealed class ReminderPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    // Window 6 days; reminders 2 and 4 days after the invitation.
    private static readonly Panel Panel = new(
        "p1",
        "Study",
        DefaultInstrument.Instance,
        new WaveSchedule(Start, 2, TimeSpan.FromDays(7), TimeSpan.FromDays(6)) { Reminders = [TimeSpan.FromDays(2), TimeSpan.FromDays(4)] },
        "UTC",
        Start);

    private static readonly Participant Someone = new("p1", "a1", "UTC", true, Start.AddDays(-3));

    private readonly FakeTimeProvider clock = new(Start.AddDays(-2));
    private readonly Dictionary<string, string> ledger = new(StringComparer.Ordinal);

    private List<string> Due(Participant? participant = null, bool responded = false, int wave = 1) =>
        SendPlan.Due(Panel, participant ?? Someone, wave, clock.GetUtcNow(), kind => ledger.GetValueOrDefault(kind), responded).Select(s => s.Kind).ToList();

    [Fact]
    public void Nothing_before_the_invitation_then_the_invitation_alone()
    {
        Assert.Empty(Due());
        clock.SetUtcNow(Start.AddTicks(-1));
        Assert.Empty(Due());
        clock.SetUtcNow(Start);
        Assert.Equal([MessageKind.Invite], Due());

        // Even when the reminders are already due too (a late first run): the invitation first, no reminder before it is sent.
        clock.SetUtcNow(Start.AddDays(5));
        Assert.Equal([MessageKind.Invite], Due());
    }

    [Theory]
    [InlineData(LedgerEntity.Queued)]
    [InlineData(LedgerEntity.Claimed)]
    [InlineData(LedgerEntity.Failed)]
    [InlineData(LedgerEntity.Skipped)]
    public void No_reminder_while_the_invitation_is_not_sent(string inviteState)
    {
        ledger[MessageKind.Invite] = inviteState;
        clock.SetUtcNow(Start.AddDays(3));
        Assert.Empty(Due());
    }

    [Fact]
    public void Each_reminder_at_its_offset_once_the_invitation_is_sent()
    {
        ledger[MessageKind.Invite] = LedgerEntity.Sent;
        clock.SetUtcNow(Start);
        Assert.Empty(Due());

        clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));
        Assert.Empty(Due());
        clock.Advance(TimeSpan.FromTicks(1));
        var first = SendPlan.Due(Panel, Someone, 1, clock.GetUtcNow(), kind => ledger.GetValueOrDefault(kind), false).Single();
        Assert.Equal((MessageKind.Reminder(1), new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero)), (first.Kind, first.DueAt, first.ClosesAt));

        ledger[MessageKind.Reminder(1)] = LedgerEntity.Sent;
        Assert.Empty(Due());
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal([MessageKind.Reminder(2)], Due());
        ledger[MessageKind.Reminder(2)] = LedgerEntity.Sent;
        Assert.Empty(Due());
    }

    [Fact]
    public void After_an_outage_only_the_latest_due_reminder_goes_and_never_an_earlier_one_after_it()
    {
        ledger[MessageKind.Invite] = LedgerEntity.Sent;
        clock.SetUtcNow(Start.AddDays(4).AddHours(1));
        Assert.Equal([MessageKind.Reminder(2)], Due());

        ledger[MessageKind.Reminder(2)] = LedgerEntity.Queued;
        Assert.Empty(Due());
    }

    [Fact]
    public void No_reminder_once_answered_nor_after_the_window_closes()
    {
        ledger[MessageKind.Invite] = LedgerEntity.Sent;
        clock.SetUtcNow(Start.AddDays(2));
        Assert.Empty(Due(responded: true));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero).AddTicks(-1));
        Assert.Equal([MessageKind.Reminder(2)], Due());
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Empty(Due());

        // The invitation itself is not sent once the participant's window has closed.
        ledger.Clear();
        Assert.Empty(Due());
    }

    [Fact]
    public void Opt_outs_stop_what_they_say()
    {
        clock.SetUtcNow(Start.AddDays(3));
        var remindersOff = Someone with { RemindersOff = true };
        var skipped = Someone with { SkippedWaves = new HashSet<int> { 1 } };
        var left = Someone with { Active = false, LeftWave = 1 };

        Assert.Equal([MessageKind.Invite], Due(remindersOff));
        Assert.Empty(Due(skipped));
        Assert.Empty(Due(left));

        ledger[MessageKind.Invite] = LedgerEntity.Sent;
        Assert.Empty(Due(remindersOff));
        Assert.Empty(Due(skipped));
        Assert.Equal([MessageKind.Reminder(1)], Due());

        // Skipping wave 1 does not touch wave 2: its invitation goes at its time.
        ledger.Clear();
        clock.SetUtcNow(Start.AddDays(7));
        Assert.Equal([MessageKind.Invite], Due(skipped, wave: 2));
        Assert.Empty(Due(left, wave: 2));
    }

    [Theory]
    [InlineData("invite", false, false, false, false, 3, null)]
    [InlineData("reminder-1", false, false, false, false, 3, null)]
    [InlineData("reminder-1", true, false, false, false, 3, "already answered")]
    [InlineData("invite", true, false, false, false, 3, null)]
    [InlineData("reminder-1", false, true, false, false, 3, "reminders stopped")]
    [InlineData("invite", false, true, false, false, 3, null)]
    [InlineData("invite", false, false, true, false, 3, "skipped this wave")]
    [InlineData("reminder-2", false, false, false, true, 3, "left the panel")]
    [InlineData("invite", false, false, false, false, 6, "window closed")]
    [InlineData("invite", false, false, false, false, -1, "not yet open")]
    public void The_sender_refuses_what_has_become_unwanted_since_it_was_planned(string kind, bool responded, bool remindersOff, bool skipped, bool left, int days, string? reason)
    {
        var participant = Someone with
        {
            RemindersOff = remindersOff,
            SkippedWaves = skipped ? new HashSet<int> { 1 } : new HashSet<int>(),
            Active = !left,
        };
        clock.SetUtcNow(Start.AddDays(days));
        Assert.Equal(reason, SendPlan.Refusal(Panel, participant, 1, kind, clock.GetUtcNow(), responded));
    }

    [Fact]
    public void The_whole_plan_lists_the_invitation_and_every_reminder_inside_the_window()
    {
        var sends = SendPlan.For(Panel, Someone).ToList();
        Assert.Equal(
            [
                (1, "invite", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)),
                (1, "reminder-1", new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero)),
                (1, "reminder-2", new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero)),
                (2, "invite", new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero)),
                (2, "reminder-1", new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero)),
                (2, "reminder-2", new DateTimeOffset(2026, 12, 12, 8, 0, 0, TimeSpan.Zero)),
            ],
            sends.Select(s => (s.Wave, s.Kind, s.DueAt)));
    }
}
