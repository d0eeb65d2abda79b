namespace Tracker.Analysis.Decay;

/// <summary>
/// The outcome summarised by distinct time: count, mean, and the within-time sum of squares, which
/// are sufficient statistics for least squares of any curve in time.
/// </summary>
internal sealed class TimeGroupedOutcome
{
    public required double[] Times { get; init; }
    public required double[] Counts { get; init; }
    public required double[] Means { get; init; }
    public required double WithinSumOfSquares { get; init; }
    public required double TotalSumOfSquares { get; init; }
    public required double Mean { get; init; }
    public required int Observations { get; init; }

    public static TimeGroupedOutcome Build(IReadOnlyList<double> time, IReadOnlyList<double> outcome)
    {
        var index = new Dictionary<double, int>();
        var codes = new int[time.Count];
        var counts = new List<double>();
        var sums = new List<double>();
        var total = 0.0;
        for (var i = 0; i < time.Count; i++)
        {
            if (!index.TryGetValue(time[i], out var k))
            {
                k = counts.Count;
                index.Add(time[i], k);
                counts.Add(0);
                sums.Add(0);
            }
            codes[i] = k;
            counts[k]++;
            sums[k] += outcome[i];
            total += outcome[i];
        }
        var means = new double[counts.Count];
        for (var k = 0; k < means.Length; k++) means[k] = sums[k] / counts[k];
        var mean = total / time.Count;
        double within = 0, totalSquares = 0;
        for (var i = 0; i < time.Count; i++)
        {
            var d = outcome[i] - means[codes[i]];
            within += d * d;
            var c = outcome[i] - mean;
            totalSquares += c * c;
        }
        var times = new double[means.Length];
        foreach (var (value, k) in index) times[k] = value;
        return new TimeGroupedOutcome
        {
            Times = times,
            Counts = counts.ToArray(),
            Means = means,
            WithinSumOfSquares = within,
            TotalSumOfSquares = totalSquares,
            Mean = mean,
            Observations = time.Count,
        };
    }
}
