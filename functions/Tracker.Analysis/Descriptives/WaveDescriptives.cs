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
        return columns.Select(name => Describe(name, wave, table.Numbers(name))).ToList();
    }

    public static ColumnDescriptives Describe(string name, IReadOnlyList<double> wave, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(values);
        var byWave = new SortedDictionary<double, List<double>>();
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(wave[i]) || double.IsNaN(values[i])) continue;
            if (!byWave.TryGetValue(wave[i], out var list)) byWave.Add(wave[i], list = []);
            list.Add(values[i]);
        }
        return new ColumnDescriptives(name, byWave.Select(pair => Summarise(pair.Key, pair.Value)).ToList());
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
        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        return new WaveSummary(wave, n, mean, sd, mean - half, mean + half);
    }
}
