namespace Tracker.Engine.Forms;

/// <summary>The outcome of <see cref="AnswerParser"/>: the answers, the per-item errors, or why the request was refused outright.</summary>
public sealed class AnswerParseResult
{
    private AnswerParseResult(AnswerParseOutcome outcome, IReadOnlyDictionary<string, int> answers, IReadOnlyList<AnswerError> errors, IReadOnlyList<string> problems)
    {
        Outcome = outcome;
        Answers = answers;
        Errors = errors;
        Problems = problems;
    }

    public AnswerParseOutcome Outcome { get; }

    /// <summary>Item id → value. Complete when accepted; when incomplete, the answers that were valid, so the re-rendered form keeps them.</summary>
    public IReadOnlyDictionary<string, int> Answers { get; }

    /// <summary>Per-item errors in instrument order; empty unless <see cref="AnswerParseOutcome.Incomplete"/>.</summary>
    public IReadOnlyList<AnswerError> Errors { get; }

    /// <summary>Why a malformed request was refused; for logs and the 400 page. Never contains answer values.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool IsAccepted => Outcome == AnswerParseOutcome.Accepted;

    internal static AnswerParseResult Accepted(IReadOnlyDictionary<string, int> answers) =>
        new(AnswerParseOutcome.Accepted, answers, [], []);

    internal static AnswerParseResult Incomplete(IReadOnlyDictionary<string, int> validAnswers, IReadOnlyList<AnswerError> errors) =>
        new(AnswerParseOutcome.Incomplete, validAnswers, errors, []);

    internal static AnswerParseResult Malformed(IReadOnlyList<string> problems) =>
        new(AnswerParseOutcome.Malformed, new Dictionary<string, int>(), [], problems);
}
