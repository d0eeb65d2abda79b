using Microsoft.Extensions.Logging;
using Tracker.Engine.OptOut;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;
using Tracker.Engine.Surveys;

namespace Tracker.Engine.Consent;

/// <summary>
/// Behind the consent page's Agree and Decline (a POST to the participant's link + <c>/consent</c>): records the decision
/// on the current version with the hash of the text shown, the time, the language and the wave. Agree leads on to the
/// form; decline ends participation through the opt-out "leave" (no further invitation or reminder). The first decision
/// on a version stands; a forged post fails the link's signature like any bad link.
/// </summary>
public sealed class ConsentService(SurveyService surveys, ConsentRepository consents, ParticipantRepository participants, TimeProvider clock, ILogger<ConsentService> logger)
{
    /// <param name="form">The posted fields (<see cref="ConsentPageModel.DecisionField"/>, <see cref="ConsentPageModel.VersionField"/>, <see cref="ConsentPageModel.LanguageField"/>).</param>
    public async Task<ConsentOutcome> DecideAsync(string token, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ConsentDecision? decision = form.GetValueOrDefault(ConsentPageModel.DecisionField) switch
        {
            ConsentPageModel.AgreeValue => ConsentDecision.Agreed,
            ConsentPageModel.DeclineValue => ConsentDecision.Declined,
            _ => null,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SurveyService.StorageDeadline);
        try
        {
            var access = await surveys.AccessAsync(token, deadline.Token).ConfigureAwait(false);
            if (access.Refusal is not null) return new ConsentOutcome.Survey(access.Refusal);
            var panel = access.Panel!;
            if (decision is null) return new ConsentOutcome.NoDecision() { Texts = access.Texts };
            var formUrl = ConsentGate.FormUrl(token);
            if (panel.Consent is not { } consent) return new ConsentOutcome.Agreed(formUrl);

            // The text changed between showing and answering: the participant has not seen this version, so ask again.
            if (form.GetValueOrDefault(ConsentPageModel.VersionField) != consent.Version) return new ConsentOutcome.Survey(await surveys.ShowAsync(token, cancellationToken).ConfigureAwait(false));

            // The language the page was shown in (it posts it back); a post without one was shown in the participant's.
            var language = form.GetValueOrDefault(ConsentPageModel.LanguageField) is { } shown ? PanelLanguages.Match(panel, shown) : access.Texts.Language;
            var participant = access.Participant!;
            var now = clock.GetUtcNow();
            var record = new ConsentRecord(participant.Id, consent.Version, consent.HashFor(language), decision.Value, now, language, access.Wave);
            var standing = await consents.RecordAsync(panel.Id, record, deadline.Token).ConfigureAwait(false);
            if (standing.Decision == ConsentDecision.Agreed) return new ConsentOutcome.Agreed(formUrl);

            await participants.RecordOptOutAsync(panel.Id, participant.Id, OptOutChoice.Leave, access.Wave, now, deadline.Token).ConfigureAwait(false);
            logger.LogInformation("Participant {ParticipantId} of panel {PanelId} declined consent version {Version} at wave {Wave}", participant.Id, panel.Id, consent.Version, access.Wave);
            return new ConsentOutcome.Declined(panel.Name) { Texts = access.Texts };
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex, cancellationToken))
        {
            logger.LogWarning("Storage unavailable while recording a consent decision; answered 503 ({Error})", ex.GetType().Name);
            return new ConsentOutcome.Unavailable();
        }
    }
}
