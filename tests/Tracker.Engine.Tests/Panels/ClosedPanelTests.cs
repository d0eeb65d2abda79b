using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Tests.Panels;

/// <summary>A closed panel sends nothing, whatever its schedule says: the planner finds nothing due and the sender settles what was queued.</summary>
public sealed class ClosedPanelTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Panel Running = new(
        "p1", "Study", DefaultInstrument.Instance,
        new WaveSchedule(Start, 2, TimeSpan.FromDays(7), TimeSpan.FromDays(6)) { Reminders = [TimeSpan.FromDays(2)] },
        "UTC", Start);

    private static readonly Participant Someone = new("p1", "a1", "UTC", true, Start.AddDays(-3));

    [Fact]
    public void Nothing_is_due_once_the_panel_is_closed_though_the_wave_is_open()
    {
        var closed = Running with { ClosedAt = Start.AddDays(1) };
        var sentInvite = (string kind) => kind == MessageKind.Invite ? LedgerEntity.Sent : null;

        // The same moments make an invitation and a reminder due on the running panel: the comparison that could fail.
        Assert.NotEmpty(SendPlan.Due(Running, Someone, 1, Start, _ => null, responded: false));
        Assert.NotEmpty(SendPlan.Due(Running, Someone, 1, Start.AddDays(3), sentInvite, responded: false));
        Assert.Empty(SendPlan.Due(closed, Someone, 1, Start, _ => null, responded: false));
        Assert.Empty(SendPlan.Due(closed, Someone, 1, Start.AddDays(3), sentInvite, responded: false));
    }

    [Fact]
    public void A_message_queued_before_the_close_is_refused_as_panel_closed()
    {
        var closed = Running with { ClosedAt = Start.AddDays(1) };

        Assert.Null(SendPlan.Refusal(Running, Someone, 1, MessageKind.Invite, Start.AddDays(2), responded: false));
        Assert.Equal(SendPlan.PanelClosed, SendPlan.Refusal(closed, Someone, 1, MessageKind.Invite, Start.AddDays(2), responded: false));
    }

    [Theory]
    [InlineData(-1, "scheduled")]
    [InlineData(1, "running")]
    [InlineData(20, "ended")]
    public void The_state_is_closed_whatever_the_schedule_says(int days, string running)
    {
        var now = Start.AddDays(days);
        Assert.Equal(running, PanelStates.Of(Running, now));
        Assert.Equal(PanelStates.Closed, PanelStates.Of(Running with { ClosedAt = Start.AddDays(-2) }, now));
    }
}
