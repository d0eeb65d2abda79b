namespace Tracker.Analysis.Formula;

/// <summary>One fixed-effect column: a variable or a product of variables, labelled as R labels it ("days:cc").</summary>
public sealed record FixedTerm(IReadOnlyList<string> Variables)
{
    public string Label => string.Join(":", Variables);

    public override string ToString() => Label;
}
