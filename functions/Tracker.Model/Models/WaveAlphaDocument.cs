namespace Tracker.Model.Models;

/// <summary>Cronbach's α of a construct in one wave.</summary>
public sealed record WaveAlphaDocument(int Wave, int N, double? Alpha);
