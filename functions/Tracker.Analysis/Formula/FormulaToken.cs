namespace Tracker.Analysis.Formula;

internal enum FormulaTokenKind
{
    Name,
    Number,
    Symbol,
    End,
}

/// <summary>A lexical unit of a formula; Position is the 1-based character offset used in error messages.</summary>
internal readonly record struct FormulaToken(FormulaTokenKind Kind, string Text, int Position);
