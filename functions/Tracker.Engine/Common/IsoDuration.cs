using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracker.Engine.Common;

/// <summary>
/// ISO-8601 durations in weeks, days, hours, minutes and seconds (P14D, P2W, PT36H, P1DT12H).
/// Years and months are refused: their length varies, and a wave interval has to be exact.
/// </summary>
public static partial class IsoDuration
{
    [GeneratedRegex(@"^P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan duration, out string? problem)
    {
        duration = TimeSpan.Zero;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is required (an ISO-8601 duration such as P7D)";
            return false;
        }

        var match = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!match.Success || text.Trim().Equals("P", StringComparison.OrdinalIgnoreCase) || text.Trim().EndsWith('T'))
        {
            problem = Regex.IsMatch(text.Trim(), @"^P[^T]*\d+[YM]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                ? $"'{text}' uses years or months, whose length varies; give weeks or days (e.g. P4W, P30D)"
                : $"'{text}' is not an ISO-8601 duration such as P7D, P2W or PT12H";
            return false;
        }

        try
        {
            duration = TimeSpan.FromDays(7 * Number(match, "w") + Number(match, "d"))
                + TimeSpan.FromHours(Number(match, "h"))
                + TimeSpan.FromMinutes(Number(match, "m"))
                + TimeSpan.FromSeconds(Number(match, "s"));
        }
        catch (OverflowException)
        {
            problem = $"'{text}' is too long";
            return false;
        }

        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"P{(long)duration.TotalDays}D";
        }

        var days = duration.Days;
        var time = duration - TimeSpan.FromDays(days);
        var text = days > 0 ? $"P{days}DT" : "PT";
        if (time.Hours > 0) text += $"{time.Hours}H";
        if (time.Minutes > 0) text += $"{time.Minutes}M";
        if (time.Seconds > 0 || time.Milliseconds > 0) text += $"{(time.Seconds + time.Milliseconds / 1000.0).ToString(CultureInfo.InvariantCulture)}S";
        return text;
    }

    private static double Number(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
