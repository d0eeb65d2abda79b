using System.Globalization;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Summaries;

/// <summary>
/// One summary period of a panel: its ledger key (one email per recipient per key) and the words the email uses.
/// After-wave cadence: a period ends when a wave closes (<c>wave-0003</c>; two waves closing between runs give one
/// summary, of the later). Weekly cadence: one period per ISO week in UTC (<c>2026-W48</c>), from the week wave 1
/// opens until a week after the last wave closes, so the last wave is covered once it has closed.
/// </summary>
public sealed record SummaryPeriod(string Key, string Label)
{
    public static SummaryPeriod AfterWave(int wave, int waves) => new(
        "wave-" + wave.ToString("D4", CultureInfo.InvariantCulture),
        $"after wave {wave.ToString(CultureInfo.InvariantCulture)} of {waves.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The ISO week (Monday to Sunday, UTC) that contains <paramref name="now"/>; the ISO year, so 29 Dec 2025 is 2026-W01.</summary>
    public static SummaryPeriod Week(DateTimeOffset now)
    {
        var day = now.UtcDateTime;
        var year = ISOWeek.GetYear(day).ToString(CultureInfo.InvariantCulture);
        var week = ISOWeek.GetWeekOfYear(day).ToString("D2", CultureInfo.InvariantCulture);
        return new SummaryPeriod($"{year}-W{week}", $"week {week} of {year}");
    }

    /// <summary>The period a summary sent at <paramref name="now"/> belongs to, or null when the panel has nothing due.</summary>
    public static SummaryPeriod? Latest(Panel panel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (panel.SummaryCadence == SummaryCadence.Weekly)
        {
            return now >= panel.Schedule.OpensAt(1) && now < panel.Schedule.End + TimeSpan.FromDays(7) ? Week(now) : null;
        }

        for (var wave = panel.Schedule.Waves; wave >= 1; wave--)
        {
            if (panel.Schedule.StateAt(wave, now) == WaveState.Closed) return AfterWave(wave, panel.Schedule.Waves);
        }

        return null;
    }
}
