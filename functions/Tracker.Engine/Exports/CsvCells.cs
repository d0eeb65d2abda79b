using System.Globalization;

namespace Tracker.Engine.Exports;

/// <summary>
/// How values are written into export cells. Text that a spreadsheet would evaluate as a formula (starting with
/// = + - @, a tab or a carriage return) gets a leading apostrophe; numbers are written as numbers (invariant culture,
/// shortest round-trip form) so that a negative scale point stays numeric.
/// </summary>
public static class CsvCells
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>UTC, ISO-8601 with milliseconds and a Z, which R's as.POSIXct(format = "%Y-%m-%dT%H:%M:%OSZ", tz = "UTC"), pandas and Excel all read.</summary>
    public static string Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
