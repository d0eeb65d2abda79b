using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Forms;
using Tracker.Engine.Languages;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Scoring;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Surveys;

/// <summary>
/// What happens behind a participant's link: the token is verified, the wave must be open, answers are validated
/// and stored as the participant's one response to that wave. Every refusal is a <see cref="SurveyOutcome"/>, never an
/// exception; when storage is down the outcome keeps the participant's choices so the web side can offer them again.
/// </summary>
/// <param name="links">The links' grace after the close, to read a participant's close back from their token; without it the planned close.</param>
/// <param name="opening">Stamps the served form so the time to submit is recorded; without it forms are not timed.</param>
/// <param name="consent">Asks for the panel's consent before the form and refuses answers without it; without it no consent is asked.</param>
public sealed class SurveyService(LinkSigner signer, PanelDefinitionCache panels, ParticipantRepository participants, ResponseRepository responses, Invitations.InvitationLedger ledger, TimeProvider clock, ILogger<SurveyService> logger, IOptionsMonitor<LinkOptions>? links = null, FormOpening? opening = null, Consent.ConsentGate? consent = null)
{
    /// <summary>
    /// The longest a participant waits for storage: the clients' own retries give up sooner on a refused connection, and
    /// this caps the case where storage accepts connections but does not answer.
    /// </summary>
    public static readonly TimeSpan StorageDeadline = TimeSpan.FromSeconds(8);

    public Task<SurveyOutcome> ShowAsync(string token, CancellationToken cancellationToken) => ShowAsync(token, null, cancellationToken);

    /// <param name="language">A language the participant chose on the page (<c>?lang=</c>): when the panel speaks it, the
    /// page is shown in it and it is stored with the contact, so later email comes in it too; anything else is ignored.</param>
    public async Task<SurveyOutcome> ShowAsync(string token, string? language, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        try
        {
            var access = await ResolveAsync(token, deadline.Token).ConfigureAwait(false);
            if (access.Refusal is not null) return access.Refusal;
            access = await SwitchLanguageAsync(access, language, deadline.Token).ConfigureAwait(false);

            await ledger.RecordOpenedAsync(access.Panel!.Id, access.Wave, access.Participant!.Id, clock.GetUtcNow(), deadline.Token).ConfigureAwait(false);
            if (consent is not null && await consent.BeforeFormAsync(access, token, ClosesAtText(access), deadline.Token).ConfigureAwait(false) is { } ask) return new SurveyOutcome.Consent(ask);
            var (existing, _) = await responses.GetAsync(access.Panel!.Id, access.Wave, access.Participant!.Id, deadline.Token).ConfigureAwait(false);
            return new SurveyOutcome.Form(Model(access, token) with { Answers = existing?.Answers ?? new Dictionary<string, int>(), OpenedStamp = Stamp(access, posted: null) }) { Texts = access.Texts };
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex, cancellationToken))
        {
            logger.LogWarning("Storage unavailable while showing a survey form; answered 503 ({Error})", ex.GetType().Name);
            return new SurveyOutcome.Unavailable();
        }
    }

    public async Task<SurveyOutcome> SubmitAsync(string token, PostedAnswers form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var deadline = Deadline(cancellationToken);
        try
        {
            return await SaveAsync(token, form, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex, cancellationToken))
        {
            // Nothing was acknowledged, so the participant must be able to press Save again with every choice still made.
            logger.LogWarning("Storage unavailable while saving a response; answered 503 with the form kept ({Error})", ex.GetType().Name);
            return UnavailableKeepingAnswers(token, form);
        }
    }

    private async Task<SurveyOutcome> SaveAsync(string token, PostedAnswers form, CancellationToken cancellationToken)
    {
        var access = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Refusal is not null) return access.Refusal;

        if (consent is not null && await consent.BeforeAnswersAsync(access, token, cancellationToken).ConfigureAwait(false) is { } first) return new SurveyOutcome.Consent(first);
        var panel = access.Panel!;
        var parsed = AnswerParser.Parse(panel.Instrument, form);
        if (parsed.Outcome == AnswerParseOutcome.Malformed)
        {
            return new SurveyOutcome.Malformed();
        }

        if (!parsed.IsAccepted)
        {
            return new SurveyOutcome.Form(Model(access, token) with { Answers = parsed.Answers, Errors = InLanguage(parsed.Errors, access.Texts), OpenedStamp = Stamp(access, FormOpening.Posted(form)) }) { Texts = access.Texts };
        }

        var scores = ConstructScorer.Score(panel.Instrument, parsed.Answers);
        var now = clock.GetUtcNow();
        var seconds = opening?.SecondsToSubmit(FormOpening.Posted(form), panel.Id, access.Participant!.Id, access.Wave, now);
        var saved = await responses.SaveAsync(panel.Id, access.Wave, access.Participant!.Id, parsed.Answers, scores, now, seconds, cancellationToken).ConfigureAwait(false);

        // Erased while this submission was on its way: the erasure wins, and the link now looks like any bad link.
        if (saved is null) return new SurveyOutcome.InvalidLink();
        logger.LogInformation("Response saved for panel {PanelId} wave {Wave} (revision {Revision})", panel.Id, access.Wave, saved.Revision);
        var closesText = ClosesAtText(access);
        return new SurveyOutcome.Saved(panel.Name, closesText, $"/api/{ParticipantLinks.SurveyRoute}/{token}")
        {
            Texts = access.Texts,
            Text = Tracker.Engine.Invitations.ThankYouText.For(panel, access.Wave, closesText, access.Texts.Language),
        };
    }

    /// <summary>
    /// The form as posted, on a 503. The token was verified before any storage call, so only a genuine link gets here;
    /// the panel comes from the cache when it was read before (however long ago), else the choices ride on hidden fields.
    /// </summary>
    // A missing answer is the error a participant meets; the others come only from posts our form cannot produce.
    private static List<AnswerError> InLanguage(IEnumerable<AnswerError> errors, ParticipantTexts texts) =>
        [.. errors.Select(e => e.Message == AnswerParser.MissingMessage ? e with { Message = texts[PageText.ChooseAnswer] } : e)];

    private async Task<SurveyAccess> SwitchLanguageAsync(SurveyAccess access, string? requested, CancellationToken cancellationToken)
    {
        var panel = access.Panel!;
        var chosen = string.IsNullOrWhiteSpace(requested) ? null : ParticipantLanguage.Find(panel.Languages, requested.Trim());
        if (chosen is null || access.Contact is null || chosen == ParticipantLanguage.Of(panel, access.Contact)) return access;

        // Erased meanwhile: the erasure wins and the page stays in the language it had.
        if (!await participants.UpdateLanguageAsync(access.Contact, chosen, cancellationToken).ConfigureAwait(false)) return access;
        logger.LogInformation("Participant {ParticipantId} of panel {PanelId} switched to language {Language}", access.Participant!.Id, panel.Id, chosen);
        return access with { Texts = PageTextCatalog.For(panel, chosen) };
    }

    private SurveyOutcome UnavailableKeepingAnswers(string token, PostedAnswers form)
    {
        var action = $"/api/{ParticipantLinks.SurveyRoute}/{token}";
        var verification = signer.Verify(token, LinkPurpose.Survey);
        var link = verification.Token;
        if (link is not null && panels.TryGetStale(link.PanelId, out var panel) && panel is not null && LegacyLinks.Serves(verification, panel, LinkPurpose.Survey))
        {
            // Without storage the participant's stored language is out of reach: the panel's default it is.
            var texts = PageTextCatalog.For(panel, null);
            var parsed = AnswerParser.Parse(panel.Instrument, form);
            var closes = Format(panel.Schedule.ClosesAt(link.Wave), panel.DefaultTimeZone, texts);
            return new SurveyOutcome.UnavailableWithForm(new SurveyFormModel(panel.Instrument, panel.Name, link.Wave, panel.Schedule.Waves, closes, action) { Answers = parsed.Answers, OpenedStamp = FormOpening.Posted(form), Texts = texts }) { Texts = texts };
        }

        return new SurveyOutcome.UnavailableKeepingFields(action, form.Fields);
    }

    /// <summary>The link resolved to its panel, participant and wave (or the refusal), for the consent step's own post.</summary>
    public Task<SurveyAccess> AccessAsync(string token, CancellationToken cancellationToken) => ResolveAsync(token, cancellationToken);

    private static CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(StorageDeadline);
        return source;
    }

    private async Task<SurveyAccess> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var verification = signer.Verify(token, LinkPurpose.Survey);
        if (verification.Status == LinkVerificationStatus.Invalid)
        {
            return SurveyAccess.Refused(new SurveyOutcome.InvalidLink());
        }

        var link = verification.Token!;
        var panel = await panels.GetAsync(link.PanelId, cancellationToken).ConfigureAwait(false);
        var participantRead = panel is null ? Task.FromResult<Participant?>(null) : participants.GetAsync(panel.Id, link.ParticipantId, cancellationToken);
        var contactRead = panel is null ? Task.FromResult<ContactEntity?>(null) : participants.GetContactAsync(panel.Id, link.ParticipantId, cancellationToken);
        await Task.WhenAll(participantRead, contactRead).ConfigureAwait(false);
        var participant = await participantRead.ConfigureAwait(false);
        var contact = await contactRead.ConfigureAwait(false);
        if (panel is null || participant is null || !participant.Active || link.Wave < 1 || link.Wave > panel.Schedule.Waves
            || !LegacyLinks.Serves(verification, panel, LinkPurpose.Survey))
        {
            // A genuine token for a deleted panel or an erased participant looks exactly like a bad link.
            return SurveyAccess.Refused(new SurveyOutcome.InvalidLink());
        }

        var texts = PageTextCatalog.For(panel, ParticipantLanguage.Of(panel, contact));
        if (panel.IsClosed) return SurveyAccess.Refused(new SurveyOutcome.StudyEnded(), texts);

        // The token outlives the wave by a grace period, so an expired token always means a closed wave.
        // Each participant's window runs from their own invitation (local send time, rolling enrolment), as it actually
        // went out: the sender signed the participant's close into the token's expiry, so a late invitation's link
        // carries its later close, and no storage read is needed to know it.
        var schedule = participant.ScheduleIn(panel);
        var closes = schedule.ClosesAt(link.Wave);
        if (links is not null && link.ExpiresAt - links.CurrentValue.GraceAfterClose > closes) closes = link.ExpiresAt - links.CurrentValue.GraceAfterClose;
        var now = clock.GetUtcNow();
        var state = verification.Status == LinkVerificationStatus.Expired ? WaveState.Closed
            : now < schedule.InviteAt(link.Wave) ? WaveState.Scheduled
            : now < closes ? WaveState.Open
            : WaveState.Closed;
        return state switch
        {
            WaveState.Closed => SurveyAccess.Refused(new SurveyOutcome.Closed(), texts),
            WaveState.Scheduled => SurveyAccess.Refused(new SurveyOutcome.NotYetOpen(link.Wave, Format(schedule.InviteAt(link.Wave), participant.TimeZone, texts)), texts),
            _ => new SurveyAccess(panel, participant, link.Wave, null) { ClosesAt = closes, Contact = contact, Texts = texts },
        };
    }

    /// <summary>
    /// The stamp the served form carries: the posted one when it is valid for this form, so a form shown again with
    /// errors still times from its first serving; otherwise a fresh one.
    /// </summary>
    private string? Stamp(SurveyAccess access, string? posted) =>
        opening is null ? null
        : posted is not null && opening.OpenedAt(posted, access.Panel!.Id, access.Participant!.Id, access.Wave) is not null ? posted
        : opening.Issue(access.Panel!.Id, access.Participant!.Id, access.Wave);

    private static SurveyFormModel Model(SurveyAccess access, string token) =>
        new(InstrumentFor(access), access.Panel!.Name, access.Wave, access.Panel.Schedule.Waves, ClosesAtText(access), $"/api/{ParticipantLinks.SurveyRoute}/{token}") { Texts = access.Texts };

    /// <summary>
    /// The one place the page's instrument is chosen: the participant reads the fixed words in
    /// <c>access.Texts.Language</c>, and the instrument's own translation for that language belongs here too.
    /// </summary>
    private static Instruments.Instrument InstrumentFor(SurveyAccess access) => access.Panel!.Instrument;

    private static string ClosesAtText(SurveyAccess access) => Format(access.ClosesAt, access.Participant!.TimeZone, access.Texts);

    private static string Format(DateTimeOffset instant, string timeZone, ParticipantTexts texts)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return texts.When(TimeZoneInfo.ConvertTime(instant, zone), zone.Id);
    }
}
