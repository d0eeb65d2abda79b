using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Links;

/// <summary>Builds the personal URLs behind each email, on the public base URL the API is served on.</summary>
public sealed class ParticipantLinks(LinkSigner signer, IOptionsMonitor<TrackerOptions> tracker, IOptionsMonitor<LinkOptions> links)
{
    public const string SurveyRoute = "r";
    public const string OptOutRoute = "o";

    /// <summary>An opt-out link keeps working this long after the panel ends, so "leave" works from any old email.</summary>
    public static readonly TimeSpan OptOutValidity = TimeSpan.FromDays(365);

    /// <summary>A link valid for the participant's whole window plus a grace period, so the closed-wave page can still say so.</summary>
    public Uri SurveyLink(Panel panel, Participant participant, int wave) =>
        SurveyLink(panel, participant, wave, participant.ScheduleIn(panel).ClosesAt(wave));

    /// <param name="closesAt">The participant's deadline (later than planned after a late invitation); the survey reads it back from the token.</param>
    public Uri SurveyLink(Panel panel, Participant participant, int wave, DateTimeOffset closesAt)
    {
        var token = signer.Sign(new LinkToken(panel.Id, participant.Id, wave, closesAt + links.CurrentValue.GraceAfterClose, LinkPurpose.Survey));
        return Absolute(SurveyRoute, token);
    }

    /// <summary>The opt-out page for the wave this email belongs to (skip it, stop reminders, or leave).</summary>
    public Uri OptOutLink(Panel panel, Participant participant, int wave)
    {
        var token = signer.Sign(new LinkToken(panel.Id, participant.Id, wave, panel.Schedule.End + OptOutValidity, LinkPurpose.OptOut));
        return Absolute(OptOutRoute, token);
    }

    private Uri Absolute(string route, string token) => new($"{tracker.CurrentValue.PublicBaseUrl.TrimEnd('/')}/api/{route}/{token}");
}
