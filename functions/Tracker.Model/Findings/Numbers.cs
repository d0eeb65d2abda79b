using System.Globalization;

namespace Tracker.Model.Findings;

/// <summary>
/// How numbers are printed in summaries: fixed decimals, invariant culture, ASCII minus — so a test can read every
/// number back and find it, rounded the same way, in the stored model.
/// </summary>
public static class Numbers
{
    public static string Fixed(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => Fixed(fraction * 100, 0) + "%";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Interval(double? lower, double? upper, int decimals) =>
        lower is { } l && upper is { } u ? $"95% CI {Fixed(l, decimals)} to {Fixed(u, decimals)}" : "95% CI not available";

    public static string PercentInterval(double? lower, double? upper) =>
        lower is { } l && upper is { } u ? $"95% CI {Percent(l)} to {Percent(u)}" : "95% CI not available";
}
