using MathNet.Numerics.Distributions;
using Tracker.Analysis.Data;

namespace Tracker.Analysis.Descriptives;

/// <summary>Per-wave n, mean, SD and 95% confidence interval (Student t with n − 1 df) of score columns.</summary>
public static class WaveDescriptives
{
    public static IReadOnlyList<ColumnDescriptives> Describe(LongTable table, string waveColumn, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var wave = table.Numbers(waveColumn);
        var waves = WaveCodes.Build(wave);
        return columns.Select(name => Describe(name, waves, table.Numbers(name))).ToList();
    }

    public static ColumnDescriptives Describe(string name, IReadOnlyList<double> wave, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(values);
        return Describe(name, WaveCodes.Build(wave), values);
    }

    private static ColumnDescriptives Describe(string name, WaveCodes waves, IReadOnlyList<double> valueList)
    {
        // An array read directly: through the interface each element costs a dispatch (slow for arrays under Native AOT).
        var values = valueList as double[] ?? [.. valueList];
        // Each wave's values in row order, so the sums (and every digit of the summaries) are those of one list per wave.
        var byWave = new List<double>[waves.Waves.Length];
        var codes = waves.Codes;
        // Each list sized once from its wave's row count: growing them by doubling copied every column several times.
        var rows = new int[byWave.Length];
        foreach (var code in codes)
            if (code >= 0) rows[code]++;
        for (var k = 0; k < byWave.Length; k++) byWave[k] = new List<double>(rows[k]);
        for (var i = 0; i < values.Length; i++)
        {
            var code = codes[i];
            if (code < 0 || double.IsNaN(values[i])) continue;
            byWave[code].Add(values[i]);
        }
        var summaries = new List<WaveSummary>(byWave.Length);
        for (var k = 0; k < byWave.Length; k++)
        {
            if (byWave[k].Count > 0) summaries.Add(Summarise(waves.Waves[k], byWave[k]));
        }
        return new ColumnDescriptives(name, summaries);
    }

    public static WaveSummary Summarise(double wave, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var mean = values.Average();
        if (n < 2) return new WaveSummary(wave, n, mean, double.NaN, double.NaN, double.NaN);
        var sumSquares = 0.0;
        foreach (var v in values) sumSquares += (v - mean) * (v - mean);
        var sd = Math.Sqrt(sumSquares / (n - 1));
        var half = TQuantile975(n - 1) * sd / Math.Sqrt(n);
        return new WaveSummary(wave, n, mean, sd, mean - half, mean + half);
    }

    [ThreadStatic]
    private static (int Df, double Quantile)? lastQuantile;

    /// <summary>
    /// Student t's 97.5 % quantile with <paramref name="df"/> degrees of freedom, remembered for the last df asked on
    /// this thread: a wave's score and item columns mostly share one n, and the quantile (a root search) cost more than
    /// summing a column of 100,000 values. The same function of df, so the same bits.
    /// </summary>
    private static double TQuantile975(int df)
    {
        if (lastQuantile is { } last && last.Df == df) return last.Quantile;
        var quantile = StudentT.InvCDF(0, 1, df, 0.975);
        lastQuantile = (df, quantile);
        return quantile;
    }
}
