namespace Tracker.Analysis.Careless;

/// <summary>Which careless-answer indices flag a response.</summary>
[Flags]
public enum CarelessFlags
{
    None = 0,
    LongString = 1,
    LowVariability = 2,
    Outlier = 4,
    Inconsistent = 8,
    TooFast = 16,
}
