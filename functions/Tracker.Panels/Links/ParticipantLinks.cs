using Microsoft.Extensions.Options;
using Tracker.Panels.Configuration;
using Tracker.Panels.Panels;

namespace Tracker.Panels.Links;

/// <summary>Builds the personal URL behind each invitation, on the public base URL the API is served on.</summary>
public sealed class ParticipantLinks
{
    public const string SurveyRoute = "r";
    private readonly LinkSigner signer;
    private readonly IOptionsMonitor<TrackerOptions> tracker;
    private readonly IOptionsMonitor<LinkOptions> links;

    public ParticipantLinks(LinkSigner signer, IOptionsMonitor<TrackerOptions> tracker, IOptionsMonitor<LinkOptions> links)
    {
        this.signer = signer;
        this.tracker = tracker;
        this.links = links;
    }

    /// <summary>A link valid for the wave's whole window plus a grace period, so the closed-wave page can still say so.</summary>
    public Uri SurveyLink(Panel panel, string participantId, int wave)
    {
        var token = signer.Sign(new LinkToken(panel.Id, participantId, wave, panel.Schedule.ClosesAt(wave) + links.CurrentValue.GraceAfterClose));
        return new Uri($"{tracker.CurrentValue.PublicBaseUrl.TrimEnd('/')}/api/{SurveyRoute}/{token}");
    }
}
