namespace Tracker.Engine.Responses;

/// <summary>
/// What a save writes: every answer of the wave so far (already merged with the stored row), the construct scores
/// computed from them, whether the participant has submitted the last page, and the page just saved.
/// </summary>
public sealed record ResponseDraft(ResponseAnswers Answers, IReadOnlyDictionary<string, double?> Scores, bool Complete, string? LastPage);
