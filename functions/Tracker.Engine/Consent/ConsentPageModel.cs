namespace Tracker.Engine.Consent;

/// <summary>What the consent page shows: the words are decided here, the web side renders them.</summary>
/// <param name="Text">The consent text in <paramref name="Language"/>, blank lines separating paragraphs.</param>
/// <param name="ActionUrl">The participant's own link + <c>/consent</c>, which the Agree and Decline buttons post to.</param>
public sealed record ConsentPageModel(string PanelName, string Title, string Text, string Version, string Language, int Wave, string ClosesAtText, string ActionUrl)
{
    public const string DecisionField = "decision";
    public const string VersionField = "version";
    public const string LanguageField = "language";
    public const string AgreeValue = "agree";
    public const string DeclineValue = "decline";

    /// <summary>The heading when the researcher gave no <c>consent.title</c>.</summary>
    public const string DefaultTitle = "Information and consent";

    public bool RightToLeft => Panels.PanelLanguages.IsRightToLeft(Language);
}
