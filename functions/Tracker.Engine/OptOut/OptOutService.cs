using Microsoft.Extensions.Logging;
using Tracker.Engine.Languages;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;
using Tracker.Engine.Surveys;

namespace Tracker.Engine.OptOut;

/// <summary>
/// Behind every email's opt-out link: skip this wave, stop reminders, or leave the panel. The RFC 8058 one-click POST
/// (body <c>List-Unsubscribe=One-Click</c>, sent by mail clients' "unsubscribe" button) means leave. Recording a choice
/// twice is harmless; a bad link, or a genuine link meant for anything but opting out, gets the same answer as a bad survey
/// link. While storage is down the outcome keeps the posted choice (the web side answers 503), never an exception.
/// </summary>
public sealed class OptOutService(LinkSigner signer, PanelRepository panels, ParticipantRepository participants, TimeProvider clock, ILogger<OptOutService> logger)
{
    public const string OneClickField = "List-Unsubscribe";

    /// <summary>The opt-out page's field: <c>skip</c>, <c>reminders</c> or <c>leave</c>.</summary>
    public const string ChoiceField = "choice";

    public Task<OptOutOutcome> ShowAsync(string token, CancellationToken cancellationToken) => ShowAsync(token, null, cancellationToken);

    /// <param name="language">A language chosen on the page (<c>?lang=</c>): shown in and stored with the contact when the panel speaks it.</param>
    public async Task<OptOutOutcome> ShowAsync(string token, string? language, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        try
        {
            var (panel, participant, wave, contact) = await ResolveAsync(token, deadline.Token).ConfigureAwait(false);
            if (panel is null || participant is null || contact is null) return new OptOutOutcome.InvalidLink();
            var chosen = string.IsNullOrWhiteSpace(language) ? null : ParticipantLanguage.Find(panel.Languages, language.Trim());
            if (chosen is not null && chosen != ParticipantLanguage.Of(panel, contact) && await participants.UpdateLanguageAsync(contact, chosen, deadline.Token).ConfigureAwait(false))
            {
                logger.LogInformation("Participant {ParticipantId} of panel {PanelId} switched to language {Language}", participant.Id, panel.Id, chosen);
            }

            var texts = PageTextCatalog.For(panel, ParticipantLanguage.Of(panel, contact));
            if (!participant.Active) return new OptOutOutcome.Done(panel.Name, OptOutChoice.Leave, wave) { Texts = texts };
            return new OptOutOutcome.Choices(panel.Name, wave, ActionUrl(token)) { Texts = texts };
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex, cancellationToken))
        {
            logger.LogWarning("Storage unavailable while showing an opt-out page; answered 503 ({Error})", ex.GetType().Name);
            return new OptOutOutcome.Unavailable();
        }
    }

    /// <param name="form">The posted fields, a repeated field's values joined with commas.</param>
    public async Task<OptOutOutcome> RecordAsync(string token, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var oneClick = form.GetValueOrDefault(OneClickField) == "One-Click";
        var posted = form.GetValueOrDefault(ChoiceField) ?? "";
        OptOutChoice? choice = oneClick
            ? OptOutChoice.Leave
            : posted switch
            {
                "skip" => OptOutChoice.SkipWave,
                "reminders" => OptOutChoice.StopReminders,
                "leave" => OptOutChoice.Leave,
                _ => null,
            };
        if (choice is null)
        {
            return new OptOutOutcome.NoChoice();
        }

        using var deadline = Deadline(cancellationToken);
        try
        {
            var (panel, participant, wave, contact) = await ResolveAsync(token, deadline.Token).ConfigureAwait(false);
            if (panel is null || participant is null) return new OptOutOutcome.InvalidLink();

            await participants.RecordOptOutAsync(panel.Id, participant.Id, choice.Value, wave, clock.GetUtcNow(), deadline.Token).ConfigureAwait(false);
            logger.LogInformation("Participant {ParticipantId} of panel {PanelId} chose {Choice} from wave {Wave}", participant.Id, panel.Id, choice.Value, wave);
            return new OptOutOutcome.Done(panel.Name, choice.Value, wave) { Texts = PageTextCatalog.For(panel, ParticipantLanguage.Of(panel, contact)) };
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex, cancellationToken))
        {
            // The signature was checked before any storage call, so this names a genuine request that was not recorded:
            // a mail app's one-click POST may never be retried, so it is logged by participant id for the research team.
            var link = signer.Verify(token, LinkPurpose.OptOut).Token;
            logger.LogError("Opt-out {Choice} (one-click: {OneClick}) of participant {ParticipantId} of panel {PanelId} wave {Wave} NOT recorded: storage unavailable, answered 503 ({Error})",
                choice.Value, oneClick, link?.ParticipantId, link?.PanelId, link?.Wave, ex.GetType().Name);
            return oneClick
                ? new OptOutOutcome.Unavailable(ActionUrl(token), OneClickField, "One-Click")
                : new OptOutOutcome.Unavailable(ActionUrl(token), ChoiceField, posted);
        }
    }

    private static string ActionUrl(string token) => $"/api/{ParticipantLinks.OptOutRoute}/{token}";

    private static CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(SurveyService.StorageDeadline);
        return source;
    }

    private async Task<(Panel? Panel, Participant? Participant, int Wave, ContactEntity? Contact)> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var verification = signer.Verify(token, LinkPurpose.OptOut);
        if (verification.Status != LinkVerificationStatus.Valid) return (null, null, 0, null);
        var link = verification.Token!;
        var panel = await panels.GetAsync(link.PanelId, cancellationToken).ConfigureAwait(false);
        if (panel is null || link.Wave < 1 || link.Wave > panel.Schedule.Waves || !LegacyLinks.Serves(verification, panel, LinkPurpose.OptOut)) return (null, null, 0, null);
        var participant = await participants.GetAsync(panel.Id, link.ParticipantId, cancellationToken).ConfigureAwait(false);

        // An erased participant (no contact row) looks exactly like a bad link.
        var contact = participant is null ? null : await participants.GetContactAsync(panel.Id, participant.Id, cancellationToken).ConfigureAwait(false);
        return contact is null ? (panel, null, 0, null) : (panel, participant, link.Wave, contact);
    }
}
