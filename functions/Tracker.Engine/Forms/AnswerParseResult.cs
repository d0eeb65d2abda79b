using Tracker.Engine.Responses;

namespace Tracker.Engine.Forms;

/// <summary>The outcome of <see cref="AnswerParser"/>: the answers, the per-item errors, or why the request was refused outright.</summary>
public sealed class AnswerParseResult
{
    private AnswerParseResult(AnswerParseOutcome outcome, ResponseAnswers answers, IReadOnlyList<AnswerError> errors, IReadOnlyList<string> problems)
    {
        Outcome = outcome;
        Answers = answers;
        Errors = errors;
        Problems = problems;
    }

    public AnswerParseOutcome Outcome { get; }

    /// <summary>The answers to the entries posted: complete when accepted; when incomplete, the ones that were valid, so the re-rendered form keeps them.</summary>
    public ResponseAnswers Answers { get; }

    /// <summary>Per-item errors in instrument order; empty unless <see cref="AnswerParseOutcome.Incomplete"/>.</summary>
    public IReadOnlyList<AnswerError> Errors { get; }

    /// <summary>Why a malformed request was refused; for logs and the 400 page. Never contains answer values.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool IsAccepted => Outcome == AnswerParseOutcome.Accepted;

    internal static AnswerParseResult Accepted(ResponseAnswers answers) =>
        new(AnswerParseOutcome.Accepted, answers, [], []);

    internal static AnswerParseResult Incomplete(ResponseAnswers validAnswers, IReadOnlyList<AnswerError> errors) =>
        new(AnswerParseOutcome.Incomplete, validAnswers, errors, []);

    internal static AnswerParseResult Malformed(IReadOnlyList<string> problems) =>
        new(AnswerParseOutcome.Malformed, ResponseAnswers.Empty, [], problems);
}
