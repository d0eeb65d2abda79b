using System.Globalization;

namespace Tracker.Engine.Panels;

/// <summary>
/// A panel's data-retention date (formr's study expiry): how many days are left and the warning status and the
/// dashboard show from <see cref="WarnDays"/> days before. Nothing is deleted on its own: the researcher decides.
/// </summary>
public static class DataRetention
{
    public const int WarnDays = 30;

    /// <summary>Whole days from today (UTC) to the date; 0 on the day itself, negative after it.</summary>
    public static int DaysLeft(DateOnly until, DateTimeOffset now) => until.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber;

    public static string? Warning(Panel panel, DateTimeOffset now)
    {
        if (panel.DataRetentionUntil is not { } until) return null;
        var left = DaysLeft(until, now);
        if (left > WarnDays) return null;
        var date = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var when = left switch
        {
            < 0 => $"The data-retention date {date} has passed",
            0 => $"The data-retention date {date} is today",
            1 => $"The data-retention date {date} is tomorrow",
            _ => $"The data-retention date {date} is {left} days away",
        };
        var notice = panel.ResearcherEmail is null ? " No notice email is sent: the panel has no researcherEmail." : "";
        return $"{when}: export what you need, then delete the panel's data with `tracker panel delete`.{notice}";
    }
}
