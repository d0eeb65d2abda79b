namespace Tracker.Analysis.Careless;

/// <summary>
/// Which construct each item belongs to and whether it is odd- or even-positioned within it, worked out once per wave
/// instead of per response; and the scratch the correlation is computed in, so scoring a response allocates nothing.
/// One instance serves one thread.
/// </summary>
internal sealed class EvenOddHalves
{
    private readonly int[] constructOf;
    private readonly bool[] odd;
    private readonly double[] oddSums, evenSums, oddMeans, evenMeans;
    private readonly int[] oddCounts, evenCounts;

    public EvenOddHalves(IReadOnlyList<string> itemConstructs)
    {
        ArgumentNullException.ThrowIfNull(itemConstructs);
        var constructs = new Dictionary<string, int>(StringComparer.Ordinal);
        var positions = new List<int>();
        constructOf = new int[itemConstructs.Count];
        odd = new bool[itemConstructs.Count];
        for (var i = 0; i < itemConstructs.Count; i++)
        {
            if (!constructs.TryGetValue(itemConstructs[i], out var c))
            {
                c = constructs.Count;
                constructs[itemConstructs[i]] = c;
                positions.Add(0);
            }

            constructOf[i] = c;
            positions[c]++;
            odd[i] = positions[c] % 2 == 1;
        }

        var count = constructs.Count;
        (oddSums, evenSums, oddMeans, evenMeans) = (new double[count], new double[count], new double[count], new double[count]);
        (oddCounts, evenCounts) = (new int[count], new int[count]);
    }

    /// <summary>
    /// <see cref="CarelessIndices.EvenOddCorrelation"/> of one response's answers (NaN = not answered): constructs in
    /// the order they first appear, each half's sum in item order, the means and sums of squares in construct order.
    /// </summary>
    public double? Correlation(ReadOnlySpan<double> answers)
    {
        Array.Clear(oddSums);
        Array.Clear(evenSums);
        Array.Clear(oddCounts);
        Array.Clear(evenCounts);
        for (var i = 0; i < answers.Length; i++)
        {
            var value = answers[i];
            if (double.IsNaN(value)) continue;
            var c = constructOf[i];
            if (odd[i]) { oddSums[c] += value; oddCounts[c]++; }
            else { evenSums[c] += value; evenCounts[c]++; }
        }

        var used = 0;
        for (var c = 0; c < oddSums.Length; c++)
        {
            if (oddCounts[c] == 0 || evenCounts[c] == 0) continue;
            oddMeans[used] = oddSums[c] / oddCounts[c];
            evenMeans[used] = evenSums[c] / evenCounts[c];
            used++;
        }

        if (used < CarelessIndices.MinimumEvenOddConstructs) return null;
        double oddTotal = 0, evenTotal = 0;
        for (var m = 0; m < used; m++) { oddTotal += oddMeans[m]; evenTotal += evenMeans[m]; }
        double oddMean = oddTotal / used, evenMean = evenTotal / used, sxy = 0, sxx = 0, syy = 0;
        for (var m = 0; m < used; m++)
        {
            sxy += (oddMeans[m] - oddMean) * (evenMeans[m] - evenMean);
            sxx += (oddMeans[m] - oddMean) * (oddMeans[m] - oddMean);
            syy += (evenMeans[m] - evenMean) * (evenMeans[m] - evenMean);
        }

        if (sxx == 0 || syy == 0) return null;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }
}
