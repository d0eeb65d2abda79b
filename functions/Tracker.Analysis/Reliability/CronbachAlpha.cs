using Tracker.Analysis.Data;

namespace Tracker.Analysis.Reliability;

/// <summary>
/// Cronbach's α = k/(k − 1)·(1 − Σ var(item) / var(total)) on the responses with every item answered
/// (listwise deletion, the convention of psych::alpha's default and of most reports), per wave.
/// Items must already be reverse-keyed where the instrument says so.
/// </summary>
public static class CronbachAlpha
{
    public static IReadOnlyList<ConstructReliability> ByWave(LongTable table, string waveColumn, IReadOnlyDictionary<string, IReadOnlyList<string>> constructs)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(constructs);
        var wave = table.Numbers(waveColumn);
        var result = new List<ConstructReliability>();
        foreach (var (construct, items) in constructs.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var columns = items.Select(table.Numbers).ToArray();
            var byWave = new SortedDictionary<double, List<int>>();
            for (var i = 0; i < table.RowCount; i++)
            {
                if (double.IsNaN(wave[i]) || columns.Any(c => double.IsNaN(c[i]))) continue;
                if (!byWave.TryGetValue(wave[i], out var rows)) byWave.Add(wave[i], rows = []);
                rows.Add(i);
            }
            var alphas = byWave.Select(pair => new WaveAlpha(pair.Key, pair.Value.Count, Compute(columns, pair.Value))).ToList();
            result.Add(new ConstructReliability(construct, items, alphas));
        }
        return result;
    }

    /// <summary>α of the given item columns over the given rows.</summary>
    public static double Compute(IReadOnlyList<double[]> items, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(rows);
        var k = items.Count;
        var n = rows.Count;
        if (k < 2 || n < 2) return double.NaN;
        var itemVariances = 0.0;
        var totals = new double[n];
        foreach (var item in items)
        {
            var mean = 0.0;
            for (var r = 0; r < n; r++) mean += item[rows[r]];
            mean /= n;
            var sum = 0.0;
            for (var r = 0; r < n; r++)
            {
                var v = item[rows[r]];
                sum += (v - mean) * (v - mean);
                totals[r] += v;
            }
            itemVariances += sum / (n - 1);
        }
        var totalMean = totals.Average();
        var totalVariance = totals.Sum(t => (t - totalMean) * (t - totalMean)) / (n - 1);
        return totalVariance > 0 ? k / (k - 1.0) * (1 - itemVariances / totalVariance) : double.NaN;
    }
}
