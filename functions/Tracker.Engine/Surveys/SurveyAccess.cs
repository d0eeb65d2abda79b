using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Surveys;

/// <summary>A verified link resolved to its panel, participant and wave, or the outcome to answer instead.</summary>
public sealed record SurveyAccess(Panel? Panel, Participant? Participant, int Wave, SurveyOutcome? Refusal)
{
    public static SurveyAccess Refused(SurveyOutcome outcome) => new(null, null, 0, outcome);

    /// <summary>When the participant's window for the wave closes (later than planned after a late invitation).</summary>
    public DateTimeOffset ClosesAt { get; init; }
}
