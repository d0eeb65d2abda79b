namespace Tracker.Model.Models;

/// <summary>Cronbach's α of one construct per wave.</summary>
public sealed record ReliabilityDocument(IReadOnlyList<string> Items, IReadOnlyList<WaveAlphaDocument> Waves);
