namespace Tracker.Analysis.Formula;

/// <summary>
/// A parsed mixed-model formula in lme4's language: response, fixed-effect terms in R's column order
/// (intercept, main effects, then interactions by order) and the single random-effects term.
/// </summary>
public sealed record ModelFormula(string Text, string Response, bool Intercept, IReadOnlyList<FixedTerm> FixedTerms, RandomTerm Random)
{
    public const string InterceptName = "(Intercept)";

    /// <summary>Fixed-effect column names exactly as lme4's fixef() names them.</summary>
    public IReadOnlyList<string> FixedNames =>
        (Intercept ? new[] { InterceptName } : []).Concat(FixedTerms.Select(t => t.Label)).ToList();

    /// <summary>Every data column the model reads, response first.</summary>
    public IReadOnlyList<string> Variables =>
        new[] { Response }.Concat(FixedTerms.SelectMany(t => t.Variables)).Concat(Random.Slopes).Append(Random.Group).Distinct().ToList();

    public static ModelFormula Parse(string text) => FormulaParser.Parse(text);

    public override string ToString() => Text;
}
