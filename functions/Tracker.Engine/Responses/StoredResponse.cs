namespace Tracker.Engine.Responses;

/// <summary>
/// A participant's saved answers to a wave, with construct scores computed when it was saved. <see cref="Answers"/> are
/// the construct items (scored and modelled), <see cref="Other"/> the other questions as answered text.
/// </summary>
/// <param name="SecondsToSubmit">Seconds from serving the form to the first submission (FormOpening); null when the form was not timed.</param>
public sealed record StoredResponse(
    string PanelId,
    int Wave,
    string ParticipantId,
    IReadOnlyDictionary<string, int> Answers,
    IReadOnlyDictionary<string, double?> Scores,
    DateTimeOffset FirstSubmittedAt,
    DateTimeOffset SubmittedAt,
    int Revision,
    double? SecondsToSubmit = null)
{
    /// <summary>The answers to the questions beside the construct items, as encoded in <see cref="ResponseAnswers.Other"/>; empty for responses without any.</summary>
    public IReadOnlyDictionary<string, string> Other { get; init; } = Empty;

    /// <summary>False while the participant is still moving through the pages (a partial response); rows from before pages are complete.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>The id of the last page saved; null when not known (rows from before pages).</summary>
    public string? LastPage { get; init; }

    /// <summary>Both kinds of answers together, as the form flow and the parser see them.</summary>
    public ResponseAnswers AllAnswers => new(Answers, Other);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
