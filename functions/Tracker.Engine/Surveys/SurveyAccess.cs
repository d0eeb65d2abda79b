using Tracker.Engine.Forms;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Surveys;

/// <summary>A verified link resolved to its panel, participant and wave, or the page to show instead.</summary>
public sealed record SurveyAccess(Panel? Panel, Participant? Participant, int Wave, HtmlPage? Refusal)
{
    public static SurveyAccess Refused(HtmlPage page) => new(null, null, 0, page);
}
