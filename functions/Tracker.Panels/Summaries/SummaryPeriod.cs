using System.Globalization;
using Tracker.Panels.Panels;

namespace Tracker.Panels.Summaries;

/// <summary>
/// The cadence: a summary period ends when a wave closes, so there is one summary per closed wave — the latest one
/// (a panel that closed two waves between runs gets one summary covering both).
/// </summary>
public sealed record SummaryPeriod(int Wave, int Waves)
{
    /// <summary>The ledger key of the period, e.g. <c>wave-0003</c>.</summary>
    public string Key => "wave-" + Wave.ToString("D4", CultureInfo.InvariantCulture);

    public string Label => $"after wave {Wave.ToString(CultureInfo.InvariantCulture)} of {Waves.ToString(CultureInfo.InvariantCulture)}";

    public static SummaryPeriod? Latest(Panel panel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(panel);
        for (var wave = panel.Schedule.Waves; wave >= 1; wave--)
        {
            if (panel.Schedule.StateAt(wave, now) == WaveState.Closed) return new SummaryPeriod(wave, panel.Schedule.Waves);
        }

        return null;
    }
}
