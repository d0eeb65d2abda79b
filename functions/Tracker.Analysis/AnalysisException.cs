namespace Tracker.Analysis;

/// <summary>
/// The data or the model specification cannot be analysed as asked. The message names the problem in
/// words a researcher can act on (a column, a formula part, a count), so callers can show it as is.
/// </summary>
public class AnalysisException : Exception
{
    public AnalysisException(string message) : base(message) { }

    public AnalysisException(string message, Exception inner) : base(message, inner) { }

    public AnalysisException() { }
}
