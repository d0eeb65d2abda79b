namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The outcome of fitting an RI-CLPM. When the data cannot identify the model or the optimiser does
/// not reach a maximum, <see cref="Problem"/> says why in words and there are no estimates: a
/// finding is never reported from a fit that is not one.
/// </summary>
public sealed record RiclpmFit(
    IReadOnlyList<string> Constructs,
    IReadOnlyList<int> Waves,
    bool EqualLaggedPaths,
    string? Problem,
    RiclpmFitMeasures? Fit,
    IReadOnlyList<RiclpmParameter> Parameters)
{
    public bool Identified => Problem is null;

    /// <summary>The within-person lagged paths (op <c>~</c>), one per wave and pair of constructs.</summary>
    public IEnumerable<RiclpmParameter> LaggedPaths => Parameters.Where(p => p.Op == "~");

    internal static RiclpmFit Failed(RiclpmSpecification specification, IReadOnlyList<int> waves, string problem) =>
        new(specification.Constructs, waves, specification.EqualLaggedPaths, problem, null, []);
}
