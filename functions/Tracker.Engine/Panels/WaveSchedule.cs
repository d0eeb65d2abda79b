using Tracker.Engine.Common;

namespace Tracker.Engine.Panels;

/// <summary>
/// When each wave opens and closes. Waves are numbered from 1. Fixed: wave k opens at <see cref="Start"/> + (k − 1) ·
/// <see cref="Interval"/>; rolling: at the participant's enrolment (not before <see cref="Start"/>) + (k − 1) · interval.
/// With a <see cref="SendTime"/> the invitation waits for that time on the participant's own wall clock, and the interval
/// is counted on that wall clock, so 09:00 stays 09:00 across daylight-saving changes. Each participant's window is
/// <see cref="Window"/> long from their invitation; reminders go out at <see cref="Reminders"/> after it.
/// A schedule edited mid-panel keeps the waves already under way on the schedule they started with (<see cref="Previous"/>).
/// </summary>
public sealed record WaveSchedule(DateTimeOffset Start, int Waves, TimeSpan Interval, TimeSpan Window)
{
    /// <summary>How far a wall-clock send time can move an invitation past the nominal opening: a day to the next send time, plus DST.</summary>
    public static readonly TimeSpan SendTimeSlack = TimeSpan.FromHours(26);

    /// <summary>How far counting the interval on a wall clock can move an opening before the nominal instant (a DST shift).</summary>
    public static readonly TimeSpan WallClockLead = TimeSpan.FromHours(2);

    /// <summary>
    /// An invitation that goes out more than this after its planned time (the timer did not run, the mail server was
    /// down, a wave was sent by hand) is late: its window runs in full from when it went out. Within it (ordinary
    /// timer lag) the planned close stands, so deadlines stay on the planned minute.
    /// </summary>
    public static readonly TimeSpan LateInvitation = TimeSpan.FromHours(1);

    public const int MaxReminders = 5;

    public ScheduleKind Kind { get; init; } = ScheduleKind.Fixed;

    /// <summary>The participant's local time of day invitations and reminders go out at; null sends at the opening instant.</summary>
    public TimeOnly? SendTime { get; init; }

    /// <summary>Offsets from the invitation, each inside the window, increasing.</summary>
    public IReadOnlyList<TimeSpan> Reminders { get; init; } = [];

    /// <summary>Rolling panels only: the last instant a participant can join, which bounds when each wave closes for everyone.</summary>
    public DateTimeOffset? EnrolUntil { get; init; }

    /// <summary>The schedule that still governs waves before <see cref="FromWave"/> (they had started when this one replaced it).</summary>
    public WaveSchedule? Previous { get; init; }

    public int FromWave { get; init; } = 1;

    /// <summary>The version of the schedule wave <paramref name="wave"/> runs on.</summary>
    public WaveSchedule Governing(int wave)
    {
        Check(wave);
        var version = this;
        while (wave < version.FromWave && version.Previous is not null) version = version.Previous;
        return version;
    }

    /// <summary>The nominal opening: for a fixed schedule without a send time, the instant it opens for everyone.</summary>
    public DateTimeOffset OpensAt(int wave)
    {
        var s = Governing(wave);
        return s.Start + (wave - 1) * s.Interval;
    }

    /// <summary>The nominal close (nominal opening + window).</summary>
    public DateTimeOffset ClosesAt(int wave) => OpensAt(wave) + Governing(wave).Window;

    /// <summary>No participant's wave <paramref name="wave"/> opens before this.</summary>
    public DateTimeOffset EarliestOpen(int wave) => Governing(wave).SendTime is null ? OpensAt(wave) : OpensAt(wave) - WallClockLead;

    /// <summary>Every participant's wave <paramref name="wave"/> has closed by this; a wave is sealed after it.</summary>
    public DateTimeOffset LatestClose(int wave)
    {
        var s = Governing(wave);
        var lastAnchor = s.Kind == ScheduleKind.Rolling ? Later(s.Start, s.EnrolUntil ?? s.Start) + (wave - 1) * s.Interval : OpensAt(wave);
        return lastAnchor + (s.SendTime is null ? TimeSpan.Zero : SendTimeSlack) + s.Window;
    }

    /// <summary>The panel-wide state: open while any participant's window for the wave may be open.</summary>
    public WaveState StateAt(int wave, DateTimeOffset now) =>
        now < EarliestOpen(wave) ? WaveState.Scheduled
        : now < LatestClose(wave) ? WaveState.Open
        : WaveState.Closed;

    /// <summary>The waves some participant may be answering at <paramref name="now"/>.</summary>
    public IEnumerable<int> OpenWavesAt(DateTimeOffset now) =>
        Enumerable.Range(1, Waves).Where(w => StateAt(w, now) == WaveState.Open);

    public DateTimeOffset End => Enumerable.Range(1, Waves).Max(LatestClose);

    /// <summary>One participant's view: when each of their waves opens, is reminded and closes.</summary>
    public ParticipantSchedule For(DateTimeOffset enrolledAt, TimeZoneInfo zone) => new(this, enrolledAt, zone);

    internal DateTimeOffset InviteAt(int wave, DateTimeOffset enrolledAt, TimeZoneInfo zone)
    {
        var s = Governing(wave);
        var anchor = s.Kind == ScheduleKind.Rolling ? Later(s.Start, enrolledAt) : s.Start;
        if (s.SendTime is not { } sendTime)
        {
            return anchor + (wave - 1) * s.Interval;
        }

        var local = LocalClock.ToLocal(anchor, zone) + (wave - 1) * s.Interval;
        return LocalClock.ToInstant(LocalClock.NextAtOrAfter(local, sendTime), zone);
    }

    internal DateTimeOffset After(int wave, DateTimeOffset invite, TimeSpan offset, TimeZoneInfo zone) =>
        Governing(wave).SendTime is null ? invite + offset : LocalClock.ToInstant(LocalClock.ToLocal(invite, zone) + offset, zone);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private void Check(int wave)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wave, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wave, Waves);
    }
}
