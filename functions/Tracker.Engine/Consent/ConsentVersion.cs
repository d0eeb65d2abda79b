using Tracker.Engine.Common;

namespace Tracker.Engine.Consent;

/// <summary>A consent version as stored: kept after a newer one replaces it, so every record's text can still be shown.</summary>
public sealed record ConsentVersion(string Version, LocalizedText Text, LocalizedText? Title, DateTimeOffset IntroducedAt)
{
    public PanelConsent Consent => new(Version, Text, Title);
}
