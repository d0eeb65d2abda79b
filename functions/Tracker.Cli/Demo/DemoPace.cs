using System.Globalization;

namespace Tracker.Cli.Demo;

/// <summary>
/// How many real seconds a simulated day lasts when the researcher does not say. The demo reads the inbox and answers
/// through the links on an accelerated clock; on a busy machine that work costs simulated days, and at the quiet
/// machine's pace a wave closed before anyone could answer. So the pace slows with the load per core. The example
/// panel's flow (consent, then the form page by page) takes about 2.5 times the requests of a one-page form, so the
/// quiet pace is 12 s: at 3 s a day most of wave 1 was still unanswered when its reminders fell due.
/// </summary>
public static class DemoPace
{
    public const double QuietSecondsPerDay = 12.0;
    public const double SlowestDefaultSecondsPerDay = 30.0;

    /// <summary>12 s per day on an idle machine, 12 s × the one-minute load per core above that, at most 30 s.</summary>
    public static double SecondsPerDay(double? loadAverage, int cores)
    {
        if (loadAverage is not { } load || !double.IsFinite(load) || cores < 1) return QuietSecondsPerDay;
        return Math.Clamp(QuietSecondsPerDay * load / cores, QuietSecondsPerDay, SlowestDefaultSecondsPerDay);
    }

    /// <summary>The one-minute load average from <c>/proc/loadavg</c>; null where there is none (not Linux).</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is not null && double.TryParse(text.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static double ForThisMachine() => SecondsPerDay(LoadAverage(), Environment.ProcessorCount);
}
