namespace Tracker.Analysis.Formula;

/// <summary>The formula cannot be parsed, or uses syntax outside the supported subset of lme4's language.</summary>
public sealed class FormulaException : AnalysisException
{
    public FormulaException(string message) : base(message) { }

    public FormulaException(string message, Exception inner) : base(message, inner) { }

    public FormulaException() { }
}
