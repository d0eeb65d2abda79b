namespace Tracker.Analysis.Descriptives;

/// <summary>
/// The distinct waves in ascending order and each row's index into them (-1 where the wave is missing), computed once
/// and shared by every column summarised per wave instead of a sorted-dictionary look-up per cell.
/// </summary>
internal sealed class WaveCodes
{
    private WaveCodes(double[] waves, int[] codes)
    {
        Waves = waves;
        Codes = codes;
    }

    public double[] Waves { get; }

    public int[] Codes { get; }

    public static WaveCodes Build(IReadOnlyList<double> waveList)
    {
        // An array read directly: through the interface each element costs a dispatch (slow for arrays under Native AOT).
        var wave = waveList as double[] ?? [.. waveList];
        var firstSeen = new Dictionary<double, int>();
        var codes = new int[wave.Length];
        // Long tables come sorted by wave or by participant: the previous row's wave is the likely one.
        double previous = double.NaN;
        var previousCode = -1;
        for (var i = 0; i < codes.Length; i++)
        {
            var w = wave[i];
            if (double.IsNaN(w)) { codes[i] = -1; continue; }
            if (w != previous)
            {
                if (!firstSeen.TryGetValue(w, out previousCode)) firstSeen.Add(w, previousCode = firstSeen.Count);
                previous = w;
            }
            codes[i] = previousCode;
        }
        // Renumber in ascending wave order, as a sorted dictionary keyed by wave would list them.
        var waves = firstSeen.Keys.ToArray();
        var order = Enumerable.Range(0, waves.Length).ToArray();
        Array.Sort(waves.ToArray(), order);
        var rank = new int[waves.Length];
        for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= 0) codes[i] = rank[codes[i]];
        }
        Array.Sort(waves);
        return new WaveCodes(waves, codes);
    }
}
