using System.Globalization;

namespace Tracker.Engine.Dashboard;

/// <summary>How the dashboard writes numbers and times; the browser tests format the status API's values the same way.</summary>
public static class DashboardFormat
{
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate as a percentage with one decimal, or an en dash when there is none (nobody invited yet).</summary>
    public static string Rate(double? value) => value is { } v && double.IsFinite(v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Number(double value, string format = "0.00") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Change(double value, string format = "+0.000;−0.000") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
