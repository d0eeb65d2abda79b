using Tracker.Engine.Instruments;

namespace Tracker.Engine.Forms;

/// <summary>What the survey form shows for one participant and wave.</summary>
/// <param name="ClosesAtText">When the wave closes, already in words for the participant (the caller knows their time zone).</param>
/// <param name="ActionUrl">Where the form posts: the participant's own link, so the token travels in the path and never in the body.</param>
public sealed record SurveyFormModel(
    Instrument Instrument,
    string PanelName,
    int WaveNumber,
    int WaveCount,
    string ClosesAtText,
    string ActionUrl)
{
    /// <summary>Answers to pre-select: the stored response when editing, or the valid part of a rejected submission.</summary>
    public IReadOnlyDictionary<string, int> Answers { get; init; } = new Dictionary<string, int>();

    /// <summary>Per-item errors from <see cref="AnswerParser"/>; when present the page is a 422 with an error summary.</summary>
    public IReadOnlyList<AnswerError> Errors { get; init; } = [];

    /// <summary>Shown in an alert above the form when set: why the answers below were not saved (e.g. storage is down).</summary>
    public string? Notice { get; init; }

    /// <summary>The signed time the form was first served (<see cref="FormOpening"/>), posted back in a hidden field; null when not timed.</summary>
    public string? OpenedStamp { get; init; }

    /// <summary>The fixed words in the participant's language, and the panel's languages for the selector.</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;
}
