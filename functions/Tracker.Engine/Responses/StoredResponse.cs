namespace Tracker.Engine.Responses;

/// <summary>A participant's saved answers to a wave, with construct scores computed when it was saved.</summary>
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
    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();
}
