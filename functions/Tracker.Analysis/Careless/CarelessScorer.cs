using MathNet.Numerics.Distributions;

namespace Tracker.Analysis.Careless;

/// <summary>
/// Scores the responses of one wave (<see cref="CarelessWave"/>) under one set of thresholds: the per-wave work (the
/// moments, each answer pattern's factor, the constructs' halves) is done once, and each response is scored in
/// buffers the scorer owns, with nothing allocated per response but its result. The indices are those of
/// <see cref="CarelessIndices"/>, to the last bit (CarelessFastPathTests). One instance serves one thread.
/// </summary>
public sealed class CarelessScorer
{
    private readonly CarelessThresholds thresholds;
    private readonly EvenOddHalves halves;
    private readonly double[]? reverseAround;
    private readonly double[] row, keyed;
    private readonly (double Below, double Above)?[] bands;

    /// <param name="itemConstructs">Each item's construct, in the form's item order.</param>
    /// <param name="thresholds">When an index flags a response (default: the literature's).</param>
    /// <param name="reverseAround">Per item, the sum a reverse-keyed answer is reflected around (scale minimum + maximum),
    /// or null for an item read as given; the even–odd consistency reads the answers so keyed, the other indices as given.</param>
    public CarelessScorer(IReadOnlyList<string> itemConstructs, CarelessThresholds? thresholds = null, IReadOnlyList<double?>? reverseAround = null)
    {
        ArgumentNullException.ThrowIfNull(itemConstructs);
        this.thresholds = thresholds ?? CarelessThresholds.Default;
        this.thresholds.Validate();
        if (itemConstructs.Count == 0) throw new AnalysisException("careless-answer indices need at least one item");
        if (reverseAround is not null && reverseAround.Count != itemConstructs.Count) throw new ArgumentException("one entry per item", nameof(reverseAround));
        halves = new EvenOddHalves(itemConstructs);
        this.reverseAround = reverseAround?.Select(r => r ?? double.NaN).ToArray();
        row = new double[itemConstructs.Count];
        keyed = new double[itemConstructs.Count];
        bands = new (double, double)?[itemConstructs.Count + 1];
    }

    public int Items => row.Length;

    /// <summary>Every response's scores, in the wave's order.</summary>
    public IReadOnlyList<CarelessScores> Score(CarelessWave wave)
    {
        var moments = Moments(wave);
        var scores = new CarelessScores[wave.Count];
        for (var n = 0; n < wave.Count; n++) scores[n] = Score(wave, n, moments);
        return scores;
    }

    /// <summary>
    /// How many of the wave's responses any index flags (the model's count), without keeping the scores: the same
    /// flags as <see cref="Score(CarelessWave)"/>, decided from the cheapest index up (a response one index flags needs
    /// no other), and D²'s χ² tail worked out only for a D² near its critical value (<see cref="OutlierBand"/>).
    /// </summary>
    public int CountFlagged(CarelessWave wave)
    {
        var moments = Moments(wave);
        var flagged = 0;
        for (var n = 0; n < wave.Count; n++)
        {
            if (IsFlagged(wave, n, moments)) flagged++;
        }

        return flagged;
    }

    /// <summary>Whether <see cref="Score(CarelessWave, int, WaveMoments?)"/> would give the response any flag: the same comparisons.</summary>
    private bool IsFlagged(CarelessWave wave, int n, WaveMoments? moments)
    {
        var k = row.Length;
        wave.Row(n, row);
        if (wave.SecondsToSubmit(n) < thresholds.MinimumSecondsPerItem * k) return true;
        if (CarelessIndices.LongString(row) >= thresholds.LongStringShare * k) return true;
        if (CarelessIndices.Irv(row) <= thresholds.MinimumIrv) return true;
        if (halves.Correlation(Keyed()) is { } r && CarelessIndices.SpearmanBrown(r) < thresholds.MinimumEvenOdd) return true;
        if (moments?.SquaredDistance(row) is not ({ } d2, var df)) return false;
        var (below, above) = OutlierBand(df);
        if (d2 <= below) return false;
        if (d2 >= above) return true;
        return 1 - ChiSquared.CDF(df, d2) < thresholds.MahalanobisPValue;
    }

    /// <summary>
    /// For <paramref name="df"/> answered items, a D² at or below the first bound is certainly not flagged and one at or
    /// above the second certainly is (p &lt; the threshold): the critical value ∓ a millionth of it, each bound checked
    /// with the exact tail once (the tail falls as D² grows), so only a D² within a millionth of the critical value
    /// needs its own tail. When a bound fails its check, every D² of that df gets the exact tail.
    /// </summary>
    private (double Below, double Above) OutlierBand(int df)
    {
        if (bands[df] is { } known) return known;
        var alpha = thresholds.MahalanobisPValue;
        var band = (double.NegativeInfinity, double.PositiveInfinity);
        var critical = ChiSquared.InvCDF(df, 1 - alpha);
        if (double.IsFinite(critical) && critical > 0)
        {
            var (below, above) = (critical * (1 - 1e-6), critical * (1 + 1e-6));
            if (!(1 - ChiSquared.CDF(df, below) < alpha) && 1 - ChiSquared.CDF(df, above) < alpha) band = (below, above);
        }

        bands[df] = band;
        return band;
    }

    private WaveMoments? Moments(CarelessWave wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        if (wave.Items != Items) throw new AnalysisException($"the wave has {wave.Items} items but the scorer {Items}");
        return WaveMoments.FromCompleteResponses(wave, row);
    }

    private CarelessScores Score(CarelessWave wave, int n, WaveMoments? moments)
    {
        var k = row.Length;
        wave.Row(n, row);
        var longString = CarelessIndices.LongString(row);
        var irv = CarelessIndices.Irv(row);
        var (d2, df, p) = moments?.Distance(row) ?? (null, 0, null);
        var r = halves.Correlation(Keyed());
        var evenOdd = r is { } value ? CarelessIndices.SpearmanBrown(value) : (double?)null;
        var seconds = wave.SecondsToSubmit(n);

        var flags = CarelessFlags.None;
        if (longString >= thresholds.LongStringShare * k) flags |= CarelessFlags.LongString;
        if (irv <= thresholds.MinimumIrv) flags |= CarelessFlags.LowVariability;
        if (p < thresholds.MahalanobisPValue) flags |= CarelessFlags.Outlier;
        if (evenOdd < thresholds.MinimumEvenOdd) flags |= CarelessFlags.Inconsistent;
        if (seconds < thresholds.MinimumSecondsPerItem * k) flags |= CarelessFlags.TooFast;
        return new CarelessScores(longString, irv, d2, df, p, r, evenOdd, seconds, flags);
    }

    private ReadOnlySpan<double> Keyed()
    {
        if (reverseAround is null) return row;
        for (var i = 0; i < row.Length; i++) keyed[i] = double.IsNaN(reverseAround[i]) ? row[i] : reverseAround[i] - row[i];
        return keyed;
    }
}
