using System.Globalization;
using NCrontab;

namespace Tracker.LocalHost.Timers;

/// <summary>
/// A timer trigger schedule in one of the forms the Functions host accepts: 6-field NCRONTAB
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), 5-field NCRONTAB, or a <c>hh:mm:ss</c> interval.
/// Occurrences are computed in UTC.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // The host treats anything that parses as a TimeSpan as a constant interval (e.g. "00:05:00").
        if (fields.Length == 1 && trimmed.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval))
        {
            if (interval <= TimeSpan.Zero)
            {
                throw new FormatException($"The interval schedule '{expression}' must be positive.");
            }

            return new TimerSchedule(trimmed, null, interval);
        }

        var options = fields.Length switch
        {
            6 => new CrontabSchedule.ParseOptions { IncludingSeconds = true },
            5 => new CrontabSchedule.ParseOptions { IncludingSeconds = false },
            _ => throw new FormatException(
                $"The schedule '{expression}' is neither a 6-field NCRONTAB expression ('{{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}'), a 5-field one, nor an hh:mm:ss interval."),
        };

        try
        {
            return new TimerSchedule(trimmed, CrontabSchedule.Parse(string.Join(' ', fields), options), TimeSpan.Zero);
        }
        catch (CrontabException ex)
        {
            throw new FormatException($"The schedule '{expression}' is not a valid NCRONTAB expression: {ex.Message}", ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        if (_cron is null)
        {
            return after.ToUniversalTime() + _interval;
        }

        var utc = after.UtcDateTime;
        var next = _cron.GetNextOccurrence(utc);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> GetNextOccurrences(DateTimeOffset after, int count)
    {
        var result = new List<DateTimeOffset>(count);
        var current = after;
        for (var i = 0; i < count; i++)
        {
            current = GetNextOccurrence(current);
            result.Add(current);
        }

        return result;
    }

    public override string ToString() => Expression;
}
