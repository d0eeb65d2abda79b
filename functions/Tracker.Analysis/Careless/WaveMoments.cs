using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Tracker.Analysis.Careless;

/// <summary>
/// The wave's mean and covariance (n − 1) over the responses that answered every item, and D² of a response from
/// them. The moments are summed in two passes over the held answers instead of copying the complete responses into an
/// n × k matrix (three of them, with the centred copy and the mean's): the same sums in the same order, so the same
/// numbers to the last bit (sums over rows in row order, and the division done as MathNet does it, a multiplication by
/// 1/(n − 1)). D² over the answered items factors the covariance's sub-matrix for that set of items once, and every
/// response that answered the same items reuses the factor and two scratch arrays: no allocation per response.
/// </summary>
internal sealed class WaveMoments
{
    /// <summary>Factored answer patterns kept per wave; a wave with more distinct patterns factors the rest per response.</summary>
    private const int MaximumPatterns = 1024;

    private readonly double[] mean;
    private readonly Matrix<double> covariance;
    private readonly Dictionary<ulong, Pattern> patterns = [];
    private readonly int[] given;

    private WaveMoments(double[] mean, Matrix<double> covariance)
    {
        this.mean = mean;
        this.covariance = covariance;
        given = new int[mean.Length];
    }

    public static WaveMoments? FromCompleteResponses(CarelessWave wave, Span<double> row)
    {
        var k = wave.Items;
        var sums = new double[k];
        var complete = 0;
        for (var n = 0; n < wave.Count; n++)
        {
            wave.Row(n, row);
            if (!IsComplete(row)) continue;
            complete++;
            for (var j = 0; j < k; j++) sums[j] += row[j];
        }

        if (complete <= k) return null;
        var mean = new double[k];
        for (var j = 0; j < k; j++) mean[j] = sums[j] / complete;

        var products = new double[k * k];
        var centred = new double[k];
        for (var n = 0; n < wave.Count; n++)
        {
            wave.Row(n, row);
            if (!IsComplete(row)) continue;
            for (var j = 0; j < k; j++) centred[j] = row[j] - mean[j];
            for (var a = 0; a < k; a++)
            {
                var ca = centred[a];
                for (var b = a; b < k; b++) products[a * k + b] += ca * centred[b];
            }
        }

        var scale = 1.0 / (complete - 1);
        var covariance = Matrix<double>.Build.Dense(k, k, (a, b) => products[Math.Min(a, b) * k + Math.Max(a, b)] * scale);
        return covariance.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real) > 1e-10 * covariance.Diagonal().Maximum()
            ? new WaveMoments(mean, covariance)
            : null;
    }

    /// <summary>D² over the answered items (the mean's and covariance's sub-vector and sub-matrix), its df and upper-tail χ² p.</summary>
    public (double? D2, int Df, double? P) Distance(ReadOnlySpan<double> row)
    {
        var (d2, count) = SquaredDistance(row);
        return d2 is { } value ? (value, count, 1 - ChiSquared.CDF(count, value)) : (null, 0, null);
    }

    /// <summary>D² and its degrees of freedom (the answered items), without the χ² tail; null when nothing was answered.</summary>
    public (double? D2, int Df) SquaredDistance(ReadOnlySpan<double> row)
    {
        var count = 0;
        ulong key = 0;
        for (var j = 0; j < row.Length; j++)
        {
            if (double.IsNaN(row[j])) continue;
            given[count++] = j;
            if (j < 64) key |= 1UL << j;
        }

        if (count == 0) return (null, 0);
        var cacheable = row.Length <= 64;
        if (!cacheable || !patterns.TryGetValue(key, out var pattern))
        {
            pattern = new Pattern(given.AsSpan(0, count).ToArray(), covariance);
            if (cacheable && patterns.Count < MaximumPatterns) patterns[key] = pattern;
        }

        return (pattern.Distance(row, mean), count);
    }

    private static bool IsComplete(ReadOnlySpan<double> row)
    {
        foreach (var value in row)
        {
            if (double.IsNaN(value)) return false;
        }

        return true;
    }

    /// <summary>
    /// One set of answered items: which, and the Cholesky factor L of their covariance (MathNet's, column-major).
    /// D² = d'Σ⁻¹d is solved here by the same substitutions MathNet's managed provider runs (L y = d with the inner sum
    /// from the last term down, then L'x = y, then d·x in item order), so the same bits, without its per-call checks
    /// and the result vector it allocates on every call.
    /// </summary>
    private sealed class Pattern
    {
        private readonly int[] items;
        private readonly double[] factor;
        private readonly double[] deviation;
        private readonly double[] solution;

        public Pattern(int[] items, Matrix<double> covariance)
        {
            this.items = items;
            factor = Matrix<double>.Build.Dense(items.Length, items.Length, (a, b) => covariance[items[a], items[b]]).Cholesky().Factor.ToColumnMajorArray();
            deviation = new double[items.Length];
            solution = new double[items.Length];
        }

        public double Distance(ReadOnlySpan<double> row, double[] mean)
        {
            var g = items.Length;
            for (var a = 0; a < g; a++) deviation[a] = row[items[a]] - mean[items[a]];
            for (var i = 0; i < g; i++)
            {
                var sum = deviation[i];
                for (var k = i - 1; k >= 0; k--) sum -= factor[k * g + i] * solution[k];
                solution[i] = sum / factor[i * g + i];
            }

            for (var i = g - 1; i >= 0; i--)
            {
                var sum = solution[i];
                for (var k = i + 1; k < g; k++) sum -= factor[i * g + k] * solution[k];
                solution[i] = sum / factor[i * g + i];
            }

            double d2 = 0;
            for (var a = 0; a < g; a++) d2 += deviation[a] * solution[a];
            return d2;
        }
    }
}
