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
        return FitArrays(groupCodes as int[] ?? [.. groupCodes], wave as double[] ?? [.. wave]);
    }

    /// <summary>On arrays: read through the interface, each element costs a dispatch (slow for arrays under Native AOT).</summary>
    private static RetentionCurve FitArrays(int[] groupCodes, double[] wave)
    {
        // Each participant's last wave in an array indexed by code (codes are dense), NaN until a wave is seen.
        var maxCode = -1;
        for (var i = 0; i < groupCodes.Length; i++) maxCode = Math.Max(maxCode, groupCodes[i]);
        var last = new double[maxCode + 1];
        Array.Fill(last, double.NaN);
        var seen = 0;
        for (var i = 0; i < groupCodes.Length; i++)
        {
            var code = groupCodes[i];
            if (code < 0 || double.IsNaN(wave[i])) continue;
            ref var latest = ref last[code];
            if (double.IsNaN(latest)) { latest = wave[i]; seen++; }
            else latest = Math.Max(latest, wave[i]);
        }
        if (seen == 0) return new RetentionCurve(double.NaN, 0, []);

        var times = new double[seen];
        var t = 0;
        foreach (var value in last)
        {
            if (!double.IsNaN(value)) times[t++] = value;
        }
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
        return new RetentionCurve(finalWave, seen, points);
    }
}
