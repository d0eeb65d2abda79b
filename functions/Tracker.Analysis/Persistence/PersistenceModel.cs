namespace Tracker.Analysis.Persistence;

/// <summary>
/// Ordinary least squares of each answer on the same participant's answer at the wave numbered one
/// less (reference.R's definition of consecutive: a participant who skips wave 3 contributes no pair
/// for wave 4), with the CR1 sandwich V = G/(G−1)·(N−1)/(N−K)·B·M·B, B = (X'X)⁻¹, M = Σ_g s_g s_g'.
/// Where a participant has two rows for one wave the first is used, as R's name lookup does.
/// </summary>
public static class PersistenceModel
{
    public static PersistenceFit Fit(IReadOnlyList<int> groupCodes, IReadOnlyList<double> wave, IReadOnlyList<double> outcome)
    {
        ArgumentNullException.ThrowIfNull(groupCodes);
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(outcome);
        return FitArrays(groupCodes as int[] ?? [.. groupCodes], wave as double[] ?? [.. wave], outcome as double[] ?? [.. outcome]);
    }

    /// <summary>On arrays: read through the interface, each element costs a dispatch (slow for arrays under Native AOT).</summary>
    private static PersistenceFit FitArrays(int[] groupCodes, double[] wave, double[] outcome)
    {
        var n = groupCodes.Length;
        var previous = PreviousWaveIndex(groupCodes, wave);
        // At most a pair per row: sized once rather than grown by doubling (three copies of each list at 280,000 rows).
        var ys = new List<double>(n);
        var xs = new List<double>(n);
        var gs = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(outcome[i])) continue;
            var before = previous(i);
            if (before < 0 || double.IsNaN(outcome[before])) continue;
            ys.Add(outcome[i]);
            xs.Add(outcome[before]);
            gs.Add(groupCodes[i]);
        }

        var pairs = ys.Count;
        // Clusters numbered in order of first appearance; the codes are small non-negative integers, so an array maps them.
        var clusters = new int[gs.Count == 0 ? 0 : gs.Max() + 1];
        Array.Fill(clusters, -1);
        var groups = 0;
        foreach (var g in gs)
        {
            if (clusters[g] < 0) clusters[g] = groups++;
        }
        if (pairs < 3 || groups < 2)
            return new PersistenceFit(false, $"AR(1) persistence needs answers at consecutive waves from at least two participants; the data have {pairs} pairs from {groups} participants", null, null, pairs, groups);

        double meanX = xs.Average(), meanY = ys.Average(), sxx = 0, sxy = 0;
        for (var i = 0; i < pairs; i++)
        {
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
        }
        if (!(sxx > 0))
            return new PersistenceFit(false, "the previous-wave outcome does not vary, so persistence cannot be estimated", null, null, pairs, groups);
        var rho = sxy / sxx;
        var intercept = meanY - rho * meanX;

        // Scores per cluster: s_g = Σ x_i u_i with x_i = (1, y[w−1]).
        var score0 = new double[groups];
        var score1 = new double[groups];
        double a00 = pairs, a01 = 0, a11 = 0;
        for (var i = 0; i < pairs; i++)
        {
            var u = ys[i] - intercept - rho * xs[i];
            var c = clusters[gs[i]];
            score0[c] += u;
            score1[c] += xs[i] * u;
            a01 += xs[i];
            a11 += xs[i] * xs[i];
        }
        double m00 = 0, m01 = 0, m11 = 0;
        for (var c = 0; c < groups; c++)
        {
            m00 += score0[c] * score0[c];
            m01 += score0[c] * score1[c];
            m11 += score1[c] * score1[c];
        }
        var det = a00 * a11 - a01 * a01;
        double b00 = a11 / det, b01 = -a01 / det, b11 = a00 / det;
        // V = B M B for symmetric 2×2 matrices.
        var v00 = b00 * (b00 * m00 + b01 * m01) + b01 * (b00 * m01 + b01 * m11);
        var v11 = b01 * (b01 * m00 + b11 * m01) + b11 * (b01 * m01 + b11 * m11);
        var correction = groups / (groups - 1.0) * ((pairs - 1.0) / (pairs - 2.0));
        var seRho = Math.Sqrt(v11 * correction);
        var seIntercept = Math.Sqrt(v00 * correction);
        // Two parameters through two pairs, or residuals that vanish, leave no error to estimate: a saturated fit.
        if (pairs <= 2 || !double.IsFinite(seRho) || !double.IsFinite(seIntercept) || !(seRho > 0))
            return new PersistenceFit(false, $"not identified: the AR(1) line fits the {pairs} consecutive-wave pairs exactly or its standard errors are not finite (saturated), so persistence cannot be estimated", null, null, pairs, groups);
        return new PersistenceFit(
            true,
            null,
            new ParameterEstimate(rho, seRho),
            new ParameterEstimate(intercept, seIntercept),
            pairs,
            groups);
    }
    /// <summary>
    /// For each row, the first row of the same participant at wave − 1 (or −1). Integer waves — the
    /// normal case — index a participant × wave array when that is not much larger than the rows (a panel's
    /// waves are few and numbered from 1), else a packed 64-bit key, several times faster than a tuple key
    /// at a million rows; other waves fall back to the general key.
    /// </summary>
    private static Func<int, int> PreviousWaveIndex(int[] groupCodes, double[] wave)
    {
        var n = groupCodes.Length;
        const double limit = 1 << 30;
        var integral = true;
        double minWave = double.PositiveInfinity, maxWave = double.NegativeInfinity;
        var maxGroup = -1;
        for (var i = 0; i < n && integral; i++)
        {
            var w = wave[i];
            integral = double.IsNaN(w) || (w == Math.Floor(w) && Math.Abs(w) < limit);
            if (double.IsNaN(w) || groupCodes[i] < 0) continue;
            minWave = Math.Min(minWave, w);
            maxWave = Math.Max(maxWave, w);
            maxGroup = Math.Max(maxGroup, groupCodes[i]);
        }
        if (integral && maxGroup >= 0 && (maxWave - minWave + 1) * (maxGroup + 1.0) <= 4.0 * n + 1024)
        {
            var span = (int)(maxWave - minWave) + 1;
            var lowest = (int)minWave;
            // The row number plus one, so the array's zeros mean "no row".
            var firstRow = new int[span * (maxGroup + 1)];
            for (var i = 0; i < n; i++)
            {
                if (groupCodes[i] < 0 || double.IsNaN(wave[i])) continue;
                ref var slot = ref firstRow[(groupCodes[i] * span) + ((int)wave[i] - lowest)];
                if (slot == 0) slot = i + 1;
            }
            return i =>
            {
                if (groupCodes[i] < 0 || double.IsNaN(wave[i])) return -1;
                var before = (int)wave[i] - 1 - lowest;
                return before < 0 ? -1 : firstRow[(groupCodes[i] * span) + before] - 1;
            };
        }
        if (integral)
        {
            static long Key(int group, double w) => ((long)group << 32) | (uint)(int)w;
            var first = new Dictionary<long, int>(n);
            for (var i = 0; i < n; i++)
                if (groupCodes[i] >= 0 && !double.IsNaN(wave[i])) first.TryAdd(Key(groupCodes[i], wave[i]), i);
            return i => groupCodes[i] >= 0 && !double.IsNaN(wave[i]) && first.TryGetValue(Key(groupCodes[i], wave[i] - 1), out var p) ? p : -1;
        }
        var general = new Dictionary<(int Group, double Wave), int>(n);
        for (var i = 0; i < n; i++)
            if (groupCodes[i] >= 0 && !double.IsNaN(wave[i])) general.TryAdd((groupCodes[i], wave[i]), i);
        return i => groupCodes[i] >= 0 && !double.IsNaN(wave[i]) && general.TryGetValue((groupCodes[i], wave[i] - 1), out var p) ? p : -1;
    }
}
