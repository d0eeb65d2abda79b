using Tracker.Engine.Languages;
using Tracker.Engine.Links;
using Tracker.Engine.Surveys;

namespace Tracker.Engine.Consent;

/// <summary>
/// The consent step inside <see cref="SurveyService"/>: before the form and before storing answers, a panel with consent
/// needs the participant's <c>agreed</c> record for its current version. Null means go on.
/// </summary>
public sealed class ConsentGate(ConsentRepository consents)
{
    /// <summary>The consent page, in the participant's language, instead of the form; null when there is nothing (more) to consent to.</summary>
    public async Task<ConsentOutcome?> BeforeFormAsync(SurveyAccess access, string token, string closesAtText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var panel = access.Panel!;
        if (panel.Consent is not { } consent) return null;
        var record = await consents.GetDecisionAsync(panel.Id, access.Participant!.Id, consent.Version, cancellationToken).ConfigureAwait(false);
        return record?.Decision switch
        {
            ConsentDecision.Agreed => null,
            ConsentDecision.Declined => new ConsentOutcome.Declined(panel.Name) { Texts = access.Texts },
            _ => new ConsentOutcome.Ask(Page(access, token, closesAtText)) { Texts = access.Texts },
        };
    }

    /// <summary>A refusal of posted answers when the current version has no <c>agreed</c> record; null when they may be stored.</summary>
    public async Task<ConsentOutcome?> BeforeAnswersAsync(SurveyAccess access, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var panel = access.Panel!;
        if (panel.Consent is not { } consent) return null;
        var record = await consents.GetDecisionAsync(panel.Id, access.Participant!.Id, consent.Version, cancellationToken).ConfigureAwait(false);
        return record?.Decision == ConsentDecision.Agreed ? null : new ConsentOutcome.ConsentFirst(panel.Name, FormUrl(token)) { Texts = access.Texts };
    }

    /// <summary>
    /// The page for the panel's current consent in the participant's language (<see cref="SurveyAccess.Texts"/>): the
    /// researcher's title and text <c>.For</c> it, the words around them from the catalog.
    /// </summary>
    public static ConsentPageModel Page(SurveyAccess access, string token, string closesAtText)
    {
        ArgumentNullException.ThrowIfNull(access);
        var panel = access.Panel!;
        var consent = panel.Consent!;
        var texts = access.Texts;
        var language = texts.Language;
        return new ConsentPageModel(panel.Name, consent.Title?.For(language) ?? texts[PageText.ConsentTitle], consent.Text.For(language), consent.Version, language, access.Wave, closesAtText, FormUrl(token) + "/consent")
        {
            Texts = texts,
        };
    }

    public static string FormUrl(string token) => $"/api/{ParticipantLinks.SurveyRoute}/{token}";
}
