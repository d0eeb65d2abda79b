namespace Tracker.Analysis.Growth;

/// <summary>
/// The data cannot identify the growth model (too few groups, one observation per group, more random
/// effects than observations, a constant outcome, collinear columns). Distinct from malformed input so a
/// panel analysis can still report its other sections, e.g. right after the first wave.
/// </summary>
public sealed class UnidentifiableModelException : AnalysisException
{
    public UnidentifiableModelException(string message) : base(message) { }

    public UnidentifiableModelException(string message, Exception inner) : base(message, inner) { }

    public UnidentifiableModelException() { }
}
