namespace Tracker.Analysis.Reliability;

/// <summary>Cronbach's α of one construct at one wave over N complete responses (NaN when N &lt; 2 or the total does not vary).</summary>
public sealed record WaveAlpha(double Wave, int N, double Alpha);
