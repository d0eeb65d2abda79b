namespace Tracker.Model.Suppression;

/// <summary>
/// Small-cell suppression: an aggregate computed from fewer responses than the panel's minimum cell size is not shown,
/// in charts or text, because with a handful of people a mean or a rate says something about individuals.
/// </summary>
public sealed class CellSuppression
{
    public const int DefaultMinimumCellSize = 5;

    public CellSuppression(int minimumCellSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCellSize, 1);
        Minimum = minimumCellSize;
    }

    public int Minimum { get; }

    public bool Hides(int n) => n < Minimum;

    public bool Shows(int n) => n >= Minimum;

    /// <summary>What a suppressed cell says instead of its value.</summary>
    public string Label => $"suppressed (fewer than {Minimum} responses)";
}
