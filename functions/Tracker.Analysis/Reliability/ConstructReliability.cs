namespace Tracker.Analysis.Reliability;

/// <summary>Cronbach's α of one construct per wave.</summary>
public sealed record ConstructReliability(string Construct, IReadOnlyList<string> Items, IReadOnlyList<WaveAlpha> Waves);
