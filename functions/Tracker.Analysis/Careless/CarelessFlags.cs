namespace Tracker.Analysis.Careless;

/// <summary>Which careless-answer indices flag a response.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A careless-answer index flags a response: the flags are the domain's word.")]
public enum CarelessFlags
{
    None = 0,
    LongString = 1,
    LowVariability = 2,
    Outlier = 4,
    Inconsistent = 8,
    TooFast = 16,
}
