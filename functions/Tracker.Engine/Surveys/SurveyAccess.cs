using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Surveys;

/// <summary>A verified link resolved to its panel, participant and wave, or the outcome to answer instead.</summary>
public sealed record SurveyAccess(Panel? Panel, Participant? Participant, int Wave, SurveyOutcome? Refusal)
{
    public static SurveyAccess Refused(SurveyOutcome outcome) => new(null, null, 0, outcome);

    /// <summary>Refused, in the participant's language when the panel and participant are known.</summary>
    public static SurveyAccess Refused(SurveyOutcome outcome, Tracker.Engine.Languages.ParticipantTexts texts) => new(null, null, 0, outcome with { Texts = texts }) { Texts = texts };

    /// <summary>When the participant's window for the wave closes (later than planned after a late invitation).</summary>
    public DateTimeOffset ClosesAt { get; init; }

    /// <summary>How to reach the participant (their language is stored there); null for a refusal.</summary>
    public Tracker.Engine.Storage.ContactEntity? Contact { get; init; }

    /// <summary>The fixed words in the participant's language.</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;
}
