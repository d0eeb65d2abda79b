namespace Tracker.Engine.Panels;

/// <summary>One participant's waves: the instants their invitation, reminders and close fall on, in their own time zone.</summary>
public sealed record ParticipantSchedule(WaveSchedule Schedule, DateTimeOffset EnrolledAt, TimeZoneInfo Zone)
{
    public int Waves => Schedule.Waves;

    public DateTimeOffset InviteAt(int wave) => Schedule.InviteAt(wave, EnrolledAt, Zone);

    public DateTimeOffset ClosesAt(int wave) => InviteAt(wave) + Schedule.Governing(wave).Window;

    /// <summary>
    /// When the participant's window closes given when their invitation actually went out: a late invitation (see
    /// <see cref="WaveSchedule.LateInvitation"/>) moves the close by as much as it was late.
    /// </summary>
    public DateTimeOffset ClosesAt(int wave, DateTimeOffset? invitedAt) => ClosesAt(wave) + Lateness(wave, invitedAt);

    /// <summary>How far a late invitation moved the wave's window (and its reminders); zero when it went out on time.</summary>
    public TimeSpan Lateness(int wave, DateTimeOffset? invitedAt) =>
        invitedAt is { } at && at - InviteAt(wave) > WaveSchedule.LateInvitation ? at - InviteAt(wave) : TimeSpan.Zero;

    public int RemindersIn(int wave) => Schedule.Governing(wave).Reminders.Count;

    /// <summary>Reminder <paramref name="reminder"/> (from 1) of the wave.</summary>
    public DateTimeOffset ReminderAt(int wave, int reminder)
    {
        var offsets = Schedule.Governing(wave).Reminders;
        ArgumentOutOfRangeException.ThrowIfLessThan(reminder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reminder, offsets.Count);
        return Schedule.After(wave, InviteAt(wave), offsets[reminder - 1], Zone);
    }

    public WaveState StateAt(int wave, DateTimeOffset now) =>
        now < InviteAt(wave) ? WaveState.Scheduled
        : now < ClosesAt(wave) ? WaveState.Open
        : WaveState.Closed;
}
