namespace Tracker.Analysis.Retention;

/// <summary>
/// Kaplan–Meier estimate of staying in the panel, as survival::survfit computes it: time = the last wave a
/// participant answered, event = dropped out (that wave is before the panel's final wave, otherwise
/// censored), one point per distinct time, Greenwood variance of the cumulative hazard times survival.
/// </summary>
public static class KaplanMeier
{
    public static RetentionCurve Fit(IReadOnlyList<int> groupCodes, IReadOnlyList<double> wave)
    {
        ArgumentNullException.ThrowIfNull(groupCodes);
        ArgumentNullException.ThrowIfNull(wave);
        var last = new Dictionary<int, double>();
        for (var i = 0; i < groupCodes.Count; i++)
        {
            if (groupCodes[i] < 0 || double.IsNaN(wave[i])) continue;
            last[groupCodes[i]] = last.TryGetValue(groupCodes[i], out var seen) ? Math.Max(seen, wave[i]) : wave[i];
        }
        if (last.Count == 0) return new RetentionCurve(double.NaN, 0, []);

        var times = last.Values.ToArray();
        Array.Sort(times);
        var finalWave = times[^1];
        var points = new List<RetentionPoint>();
        double survival = 1, greenwood = 0;
        var index = 0;
        while (index < times.Length)
        {
            var time = times[index];
            var atRisk = times.Length - index;
            var count = 0;
            while (index < times.Length && times[index] == time) { count++; index++; }
            var events = time < finalWave ? count : 0;
            if (events > 0)
            {
                survival *= 1 - (double)events / atRisk;
                greenwood += atRisk > events ? (double)events / (atRisk * (double)(atRisk - events)) : double.PositiveInfinity;
            }
            points.Add(new RetentionPoint(time, atRisk, events, survival, survival * Math.Sqrt(greenwood)));
        }
        return new RetentionCurve(finalWave, last.Count, points);
    }
}
