namespace Tracker.Analysis.Reliability;

/// <summary>Cronbach's α of one construct at one wave over N complete responses (NaN when N &lt; 2 or the total does not vary).</summary>
public sealed record WaveAlpha(double Wave, int N, double Alpha)
{
    /// <summary>
    /// Set when α is below 0: the items then covary negatively on average, which no reliable scale does —
    /// most often a reverse-keyed item left unreversed — so the value must not be read as a reliability.
    /// </summary>
    public string? Warning => Alpha < 0
        ? "alpha below 0: the items covary negatively on average; check for reverse-keyed items that were not reversed"
        : null;
}
