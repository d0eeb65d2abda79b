using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Forms;

/// <summary>
/// One posted page, read by <see cref="PostedPageReader"/>: the page, the button pressed, the answers given on it in
/// their stored encoding, what was typed (to show again on an error) and the per-entry errors.
/// </summary>
public sealed record PostedPage(Page Page, string Action, ResponseAnswers Answers, IReadOnlyDictionary<string, string> Typed, IReadOnlyList<AnswerError> Errors)
{
    public bool IsBack => Action == FormNavigation.Back;
}
