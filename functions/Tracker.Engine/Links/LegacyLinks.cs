using Tracker.Engine.Panels;

namespace Tracker.Engine.Links;

/// <summary>
/// Tells what a version-1 token (signed before links named their purpose) was issued as. Both kinds were signed alike,
/// but with different expiries: an opt-out link expires exactly <see cref="ParticipantLinks.OptOutValidity"/> after its
/// panel's end, a survey link a grace period after its wave closes (never that late). So a version-1 token whose expiry
/// is its panel's end plus that validity is an opt-out link, and every other is a survey link. The survey route refuses
/// the first and the opt-out route the second, as they refuse a link of the other kind; opt-out links already in inboxes
/// keep working as long as the panel's schedule is not edited (an edit that moves its end makes them survey links, which
/// the opt-out route refuses and the survey route serves only while their wave is open).
/// </summary>
public static class LegacyLinks
{
    public static LinkPurpose PurposeOf(LinkToken token, Panel panel)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(panel);
        // Compared in whole seconds: that is all a token carries.
        return token.ExpiresAt.ToUnixTimeSeconds() == (panel.Schedule.End + ParticipantLinks.OptOutValidity).ToUnixTimeSeconds() ? LinkPurpose.OptOut : LinkPurpose.Survey;
    }

    /// <summary>Whether a verified token may be served by the route for <paramref name="route"/> links, now that its panel is known.</summary>
    public static bool Serves(LinkVerification verification, Panel panel, LinkPurpose route)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return !verification.Unpurposed || verification.Token is null || PurposeOf(verification.Token, panel) == route;
    }
}
