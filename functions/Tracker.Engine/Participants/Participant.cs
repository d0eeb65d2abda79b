namespace Tracker.Engine.Participants;

/// <summary>A panel member as the engine sees them: a pseudonymous id, a time zone and whether they are still in.</summary>
public sealed record Participant(string PanelId, string Id, string TimeZone, bool Active, DateTimeOffset EnrolledAt)
{
    public bool RemindersOff { get; init; }

    public IReadOnlySet<int> SkippedWaves { get; init; } = new HashSet<int>();

    public int? LeftWave { get; init; }

    public Tracker.Engine.Panels.ParticipantSchedule ScheduleIn(Tracker.Engine.Panels.Panel panel) =>
        panel.Schedule.For(EnrolledAt, Tracker.Engine.Common.LocalClock.Find(TimeZone));
}
