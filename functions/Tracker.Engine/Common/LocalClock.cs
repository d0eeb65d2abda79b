namespace Tracker.Engine.Common;

/// <summary>
/// Wall-clock arithmetic in a participant's time zone. The rules for the two DST edge cases are the ones people expect
/// from a calendar: a time that does not exist (the spring-forward gap) moves forward by the gap, and a time that
/// happens twice (the autumn fall-back) is the first of the two.
/// </summary>
public static class LocalClock
{
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap maps 02:30 to the instant the clocks read 03:30.
            var before = zone.GetUtcOffset(local.AddHours(-6));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The first <paramref name="sendTime"/> on the wall clock at or after <paramref name="local"/>.</summary>
    public static DateTime NextAtOrAfter(DateTime local, TimeOnly sendTime)
    {
        var candidate = local.Date + sendTime.ToTimeSpan();
        return candidate < local ? candidate.AddDays(1) : candidate;
    }

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
