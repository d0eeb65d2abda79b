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
            var answers = existing?.AllAnswers ?? ResponseAnswers.Empty;
            var pages = FormFlow.VisiblePages(access.Panel.Instrument, access.Wave, answers);

            // A form resumed after an interruption is not timed: minutes away say nothing about the speed of reading.
            var stamp = existing is { Complete: false } ? null : Stamp(access, posted: null);
            return new SurveyOutcome.Form(PageModel(access, token, answers, ResumePage(access, pages, existing), pages) with { OpenedStamp = stamp }) { Texts = access.Texts };
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

    /// <summary>
    /// A posted page: Back shows the previous page and saves nothing; Next checks the page and saves it merged with
    /// the stored answers (autosave), then shows the next page; on the last page it completes the response and thanks
    /// the participant. Errors show the same page again with everything typed.
    /// </summary>
    private async Task<SurveyOutcome> SaveAsync(string token, PostedAnswers form, CancellationToken cancellationToken)
    {
        var access = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Refusal is not null) return access.Refusal;

        if (consent is not null && await consent.BeforeAnswersAsync(access, token, cancellationToken).ConfigureAwait(false) is { } first) return new SurveyOutcome.Consent(first);
        var panel = access.Panel!;
        var instrument = panel.Instrument;
        var wave = access.Wave;
        var postedStamp = FormOpening.Posted(form);
        if (await SaveFirstPageAsync(access, form, postedStamp, cancellationToken).ConfigureAwait(false) is { } started)
        {
            return AfterSave(access, token, started.Page, started.Saved, postedStamp);
        }

        var read = await responses.GetAsync(panel.Id, wave, access.Participant!.Id, cancellationToken).ConfigureAwait(false);
        var existing = read.Response;
        var stored = existing?.AllAnswers ?? ResponseAnswers.Empty;
        var problems = new List<string>();
        var posted = PostedPageReader.Read(instrument, wave, stored, form, problems);
        if (posted is null) return new SurveyOutcome.Malformed();

        var pagesBefore = FormFlow.VisiblePages(instrument, wave, stored);
        if (posted.IsBack)
        {
            var index = IndexOf(pagesBefore, posted.Page);
            return new SurveyOutcome.Form(PageModel(access, token, stored, index > 0 ? pagesBefore[index - 1] : posted.Page, pagesBefore) with { OpenedStamp = Carried(access, postedStamp) }) { Texts = access.Texts };
        }

        if (posted.Errors.Count > 0)
        {
            var shown = ResponseMerge.WithPage(instrument, stored, posted.Page, posted.Answers);
            var model = PageModel(access, token, shown, posted.Page, pagesBefore);

            // The entries shown before, and any that carries an error (an answer to a question hidden meanwhile); the page words each error in its language.
            var visible = FormFlow.VisibleEntries(posted.Page, wave, stored);
            var kept = posted.Page.Items.Select((e, i) => (Entry: e, Index: i))
                .Where(x => visible.Contains(x.Entry) || posted.Errors.Any(err => err.ItemId == x.Entry.Question?.Id)).Select(x => x.Index).ToHashSet();
            return new SurveyOutcome.Form(model with
            {
                Other = Typed(shown.Other, posted.Typed),
                Errors = posted.Errors,
                Entries = [.. model.Page!.Items.Where((_, i) => kept.Contains(i))],
                OpenedStamp = existing is { Complete: false } ? Carried(access, postedStamp) : Stamp(access, postedStamp),
            }) { Texts = access.Texts };
        }

        var now = clock.GetUtcNow();
        var seconds = opening?.SecondsToSubmit(postedStamp, panel.Id, access.Participant!.Id, wave, now);
        var saved = await responses.SaveAsync(panel.Id, wave, access.Participant!.Id, row => Draft(instrument, wave, row, posted), now, seconds, cancellationToken, read).ConfigureAwait(false);

        // Erased while this submission was on its way: the erasure wins, and the link now looks like any bad link.
        return saved is null ? new SurveyOutcome.InvalidLink() : AfterSave(access, token, posted, saved, postedStamp);
    }

    /// <summary>
    /// A participant's first save of the wave's first page, without reading the response first: most submissions are
    /// exactly that, and the read would find nothing. The page is read as if nothing were stored, and stored only by an
    /// insert, which fails when any row exists; so this gives what the full path gives whenever it succeeds. Null (and
    /// nothing written) when the page is not the first, is not clean as posted (errors, Back, a malformed post: the
    /// full path answers those with what is stored), or a row exists.
    /// </summary>
    private async Task<(PostedPage Page, StoredResponse Saved)?> SaveFirstPageAsync(SurveyAccess access, PostedAnswers form, string? postedStamp, CancellationToken cancellationToken)
    {
        var instrument = access.Panel!.Instrument;
        var wave = access.Wave;
        var posted = PostedPageReader.Read(instrument, wave, ResponseAnswers.Empty, form, []);
        if (posted is null || posted.IsBack || posted.Errors.Count > 0) return null;
        if (IndexOf(FormFlow.VisiblePages(instrument, wave, ResponseAnswers.Empty), posted.Page) != 0) return null;

        var now = clock.GetUtcNow();
        var participantId = access.Participant!.Id;
        var seconds = opening?.SecondsToSubmit(postedStamp, access.Panel.Id, participantId, wave, now);
        var saved = await responses.TryInsertFirstAsync(access.Panel.Id, wave, participantId, Draft(instrument, wave, null, posted), now, seconds, cancellationToken).ConfigureAwait(false);
        return saved is null ? null : (posted, saved);
    }

    /// <summary>What follows a stored page: the next page, a skipped page with what it misses, or the thank-you.</summary>
    private SurveyOutcome AfterSave(SurveyAccess access, string token, PostedPage posted, StoredResponse saved, string? postedStamp)
    {
        var panel = access.Panel!;
        var instrument = panel.Instrument;
        var wave = access.Wave;
        logger.LogInformation("Response page saved for panel {PanelId} wave {Wave} (revision {Revision}, complete {Complete})", panel.Id, wave, saved.Revision, saved.Complete);

        var answers = saved.AllAnswers;
        var pages = FormFlow.VisiblePages(instrument, wave, answers);
        var at = IndexOf(pages, posted.Page);
        if (at >= 0 && at < pages.Count - 1)
        {
            return new SurveyOutcome.Form(PageModel(access, token, answers, pages[at + 1], pages) with { OpenedStamp = Carried(access, postedStamp) }) { Texts = access.Texts };
        }

        // The last page: complete unless an earlier page was skipped (a post our own buttons do not make), then that page with what is missing.
        if (!saved.Complete && ResponseMerge.FirstUnfinished(instrument, wave, answers) is { } unfinished)
        {
            return new SurveyOutcome.Form(PageModel(access, token, answers, unfinished.Page, pages) with { Errors = unfinished.Errors, OpenedStamp = Carried(access, postedStamp) }) { Texts = access.Texts };
        }

        var closesText = ClosesAtText(access);
        return new SurveyOutcome.Saved(panel.Name, closesText, $"/api/{ParticipantLinks.SurveyRoute}/{token}")
        {
            Texts = access.Texts,
            Text = Tracker.Engine.Invitations.ThankYouText.For(panel, wave, closesText, access.Texts.Language),
        };
    }

    /// <summary>What a page's save writes, merged with the row as stored at that moment (called again should the write race another).</summary>
    private static ResponseDraft Draft(Instruments.Instrument instrument, int wave, StoredResponse? row, PostedPage posted)
    {
        var answers = ResponseMerge.Merge(instrument, wave, row?.AllAnswers ?? ResponseAnswers.Empty, posted.Page, posted.Answers);
        var pages = FormFlow.VisiblePages(instrument, wave, answers);
        var index = IndexOf(pages, posted.Page);
        var last = index < 0 || index == pages.Count - 1;

        // An edit of a complete response stays complete; a partial one completes when its last page is saved with every shown page answered.
        var complete = row is { Complete: true } || (last && ResponseMerge.FirstUnfinished(instrument, wave, answers) is null);
        return new ResponseDraft(answers, ResponseMerge.Scores(instrument, answers.Scale), complete, posted.Page.Id);
    }

    /// <summary>Where a link opens: the page after the last one saved while a response is partial (resume), else the first (a new response or an edit).</summary>
    private static Instruments.Page ResumePage(SurveyAccess access, IReadOnlyList<Instruments.Page> pages, StoredResponse? existing)
    {
        if (pages.Count == 0) return access.Panel!.Instrument.FormPages[0];
        if (existing is not { Complete: false }) return pages[0];
        var last = existing.LastPage is null ? -1 : pages.ToList().FindIndex(p => p.Id == existing.LastPage);
        if (last >= 0) return pages[Math.Min(last + 1, pages.Count - 1)];
        return ResponseMerge.FirstUnfinished(access.Panel!.Instrument, access.Wave, existing.AllAnswers)?.Page ?? pages[0];
    }

    private static int IndexOf(IReadOnlyList<Instruments.Page> pages, Instruments.Page page) => pages.ToList().FindIndex(p => p.Id == page.Id);

    /// <summary>What the participant typed wins over what is stored when a page is shown again with errors.</summary>
    private static Dictionary<string, string> Typed(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> typed)
    {
        var shown = new Dictionary<string, string>(stored, StringComparer.Ordinal);
        foreach (var (id, text) in typed) shown[id] = text;
        return shown;
    }

    private static SurveyFormModel PageModel(SurveyAccess access, string token, ResponseAnswers answers, Instruments.Page page, IReadOnlyList<Instruments.Page> pages)
    {
        // The model's instrument is in the participant's language; its pages are the same pages (ids, order, entries) in other words.
        var model = Model(access, token);
        var shown = Translated(model.Instrument, page);
        return model with
        {
            Answers = answers.Scale,
            Other = answers.Other,
            Page = shown,
            Pages = [.. pages.Select(p => Translated(model.Instrument, p))],
            Entries = FormFlow.VisibleEntries(shown, access.Wave, answers),
        };
    }

    private static Instruments.Page Translated(Instruments.Instrument translated, Instruments.Page page) =>
        translated.FormPages.FirstOrDefault(p => p.Id == page.Id) ?? page;

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

    /// <summary>
    /// The form as posted, on a 503. The token was verified before any storage call, so only a genuine link gets here;
    /// the panel comes from the cache when it was read before (however long ago), else the choices ride on hidden fields.
    /// </summary>
    private SurveyOutcome UnavailableKeepingAnswers(string token, PostedAnswers form)
    {
        var action = $"/api/{ParticipantLinks.SurveyRoute}/{token}";
        var verification = signer.Verify(token, LinkPurpose.Survey);
        var link = verification.Token;
        if (link is not null && panels.TryGetStale(link.PanelId, out var panel) && panel is not null && LegacyLinks.Serves(verification, panel, LinkPurpose.Survey))
        {
            // The stored answers cannot be read, so the page is drawn from what was posted alone.
            // Without storage the participant's stored language is out of reach: the panel's default it is.
            var texts = PageTextCatalog.For(panel, null);
            var pages = FormFlow.VisiblePages(panel.Instrument, link.Wave, ResponseAnswers.Empty);
            if (PostedPageReader.Read(panel.Instrument, link.Wave, ResponseAnswers.Empty, form, []) is { } posted)
            {
                var closes = Format(panel.Schedule.ClosesAt(link.Wave), panel.DefaultTimeZone, texts);
                return new SurveyOutcome.UnavailableWithForm(new SurveyFormModel(panel.Instrument.In(texts.Language), panel.Name, link.Wave, panel.Schedule.Waves, closes, action)
                {
                    Answers = posted.Answers.Scale,
                    Other = posted.Typed,
                    Page = posted.Page,
                    Pages = pages,
                    Entries = FormFlow.VisibleEntries(posted.Page, link.Wave, ResponseAnswers.Empty),
                    OpenedStamp = FormOpening.Posted(form),
                    Texts = texts,
                }) { Texts = texts };
            }
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
        // The contact is read for the participant's language only: a panel in one language needs no round trip for it.
        var contactRead = panel is null || !PanelLanguages.IsMultilingual(panel) ? Task.FromResult<ContactEntity?>(null) : participants.GetContactAsync(panel.Id, link.ParticipantId, cancellationToken);
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
    private string? Stamp(SurveyAccess access, string? posted) => Carried(access, posted) ?? (opening is null ? null : opening.Issue(access.Panel!.Id, access.Participant!.Id, access.Wave));

    /// <summary>The posted stamp when it is valid for this form, carried from page to page so the time runs from the first; else none.</summary>
    private string? Carried(SurveyAccess access, string? posted) =>
        opening is not null && posted is not null && opening.OpenedAt(posted, access.Panel!.Id, access.Participant!.Id, access.Wave) is not null ? posted : null;

    private static SurveyFormModel Model(SurveyAccess access, string token) =>
        new(InstrumentFor(access), access.Panel!.Name, access.Wave, access.Panel.Schedule.Waves, ClosesAtText(access), $"/api/{ParticipantLinks.SurveyRoute}/{token}") { Texts = access.Texts };

    /// <summary>
    /// The one place the page's instrument is chosen: the participant reads the fixed words in
    /// <c>access.Texts.Language</c>, and the instrument's own translation for that language belongs here too.
    /// </summary>
    private static Instruments.Instrument InstrumentFor(SurveyAccess access) => access.Panel!.Instrument.In(access.Texts.Language);

    private static string ClosesAtText(SurveyAccess access) => Format(access.ClosesAt, access.Participant!.TimeZone, access.Texts);

    private static string Format(DateTimeOffset instant, string timeZone, ParticipantTexts texts)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return texts.When(TimeZoneInfo.ConvertTime(instant, zone), zone.Id);
    }
}
