namespace Tracker.Analysis.Formula;

/// <summary>
/// The random-effects term "(1 + x | group)": an optional random intercept and numeric random slopes,
/// all correlated (unstructured covariance), varying over the levels of one grouping column.
/// </summary>
public sealed record RandomTerm(bool Intercept, IReadOnlyList<string> Slopes, string Group)
{
    /// <summary>Number of random effects per group (lme4's q for this term).</summary>
    public int Size => (Intercept ? 1 : 0) + Slopes.Count;

    /// <summary>Names of the random effects in lme4's order: "(Intercept)" first, then the slopes.</summary>
    public IReadOnlyList<string> EffectNames => (Intercept ? Slopes.Prepend(ModelFormula.InterceptName) : Slopes).ToList();

    public override string ToString() =>
        $"({string.Join(" + ", Slopes.Prepend(Intercept ? "1" : "0"))} | {Group})";
}
