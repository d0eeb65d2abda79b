namespace Tracker.Engine.Common;

/// <summary>IANA time zone ids, checked against the machine's tz database.</summary>
public static class TimeZones
{
    public const string Default = "UTC";

    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
