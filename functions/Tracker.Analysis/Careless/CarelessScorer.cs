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

    /// <summary>How many of the wave's responses any index flags (the model's count), without keeping the scores.</summary>
    public int CountFlagged(CarelessWave wave)
    {
        var moments = Moments(wave);
        var flagged = 0;
        for (var n = 0; n < wave.Count; n++)
        {
            if (Score(wave, n, moments).Flagged) flagged++;
        }

        return flagged;
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
