namespace Tracker.Engine.Instruments;

/// <summary>An ordinal scale from <see cref="Min"/> to <see cref="Max"/>; <see cref="Labels"/> names every point, lowest first.</summary>
public sealed record ResponseScale(int Min, int Max, IReadOnlyList<string> Labels)
{
    /// <summary>The answer a reverse-keyed item counts as.</summary>
    public int Reverse(int value) => Min + Max - value;

    public bool Contains(int value) => value >= Min && value <= Max;
}
