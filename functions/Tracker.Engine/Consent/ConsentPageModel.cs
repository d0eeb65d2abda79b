namespace Tracker.Engine.Consent;

/// <summary>What the consent page shows: the words are decided here, the web side renders them.</summary>
/// <param name="Text">The consent text in <paramref name="Language"/>, blank lines separating paragraphs.</param>
/// <param name="Language">The language the page is shown in; posted back with the decision and recorded with it.</param>
/// <param name="ActionUrl">The participant's own link + <c>/consent</c>, which the Agree and Decline buttons post to.</param>
public sealed record ConsentPageModel(string PanelName, string Title, string Text, string Version, string Language, int Wave, string ClosesAtText, string ActionUrl)
{
    public const string DecisionField = "decision";
    public const string VersionField = "version";
    public const string LanguageField = "language";
    public const string AgreeValue = "agree";
    public const string DeclineValue = "decline";

    /// <summary>The fixed words around the researcher's text (buttons, the lines above and below, the language selector), in <see cref="Language"/>.</summary>
    public Languages.ParticipantTexts Texts { get; init; } = Languages.ParticipantTexts.English;

    /// <summary>The participant's own link: the language selector sends its choice there, and the page comes back in it.</summary>
    public string FormUrl => ActionUrl.EndsWith("/consent", StringComparison.Ordinal) ? ActionUrl[..^"/consent".Length] : ActionUrl;
}
