using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tracker.Panels.Forms;
using Tracker.Panels.Links;
using Tracker.Panels.Panels;
using Tracker.Panels.Participants;
using Tracker.Panels.Responses;
using Tracker.Panels.Scoring;

namespace Tracker.Panels.Surveys;

/// <summary>
/// What happens behind a participant's link: the token is verified, the wave must be open, answers are validated
/// and stored as the participant's one response to that wave. Every refusal is a page, never an exception.
/// </summary>
public sealed class SurveyService
{
    private readonly LinkSigner signer;
    private readonly PanelRepository panels;
    private readonly ParticipantRepository participants;
    private readonly ResponseRepository responses;
    private readonly TimeProvider clock;
    private readonly ILogger<SurveyService> logger;

    public SurveyService(LinkSigner signer, PanelRepository panels, ParticipantRepository participants, ResponseRepository responses, TimeProvider clock, ILogger<SurveyService> logger)
    {
        this.signer = signer;
        this.panels = panels;
        this.participants = participants;
        this.responses = responses;
        this.clock = clock;
        this.logger = logger;
    }

    public async Task<HtmlPage> ShowAsync(string token, CancellationToken cancellationToken)
    {
        var access = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Refusal is not null) return access.Refusal;

        var (existing, _) = await responses.GetAsync(access.Panel!.Id, access.Wave, access.Participant!.Id, cancellationToken).ConfigureAwait(false);
        return SurveyFormPage.Page(Model(access, token) with { Answers = existing?.Answers ?? new Dictionary<string, int>() });
    }

    public async Task<HtmlPage> SubmitAsync(string token, IFormCollection form, CancellationToken cancellationToken)
    {
        var access = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Refusal is not null) return access.Refusal;

        var panel = access.Panel!;
        var parsed = AnswerParser.Parse(panel.Instrument, form);
        if (parsed.Outcome == AnswerParseOutcome.Malformed)
        {
            return ProblemPage.BadRequest();
        }

        if (!parsed.IsAccepted)
        {
            return SurveyFormPage.Page(Model(access, token) with { Answers = parsed.Answers, Errors = parsed.Errors });
        }

        var scores = ConstructScorer.Score(panel.Instrument, parsed.Answers);
        var saved = await responses.SaveAsync(panel.Id, access.Wave, access.Participant!.Id, parsed.Answers, scores, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Response saved for panel {PanelId} wave {Wave} (revision {Revision})", panel.Id, access.Wave, saved.Revision);
        return ThankYouPage.Page(panel.Name, ClosesAtText(access), $"/api/{ParticipantLinks.SurveyRoute}/{token}");
    }

    public HtmlPage BadRequest() => ProblemPage.BadRequest();

    private async Task<SurveyAccess> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var verification = signer.Verify(token);
        if (verification.Status == LinkVerificationStatus.Invalid)
        {
            return SurveyAccess.Refused(ProblemPage.InvalidLink());
        }

        var link = verification.Token!;
        var panel = await panels.GetAsync(link.PanelId, cancellationToken).ConfigureAwait(false);
        var participant = panel is null ? null : await participants.GetAsync(panel.Id, link.ParticipantId, cancellationToken).ConfigureAwait(false);
        if (panel is null || participant is null || !participant.Active || link.Wave < 1 || link.Wave > panel.Schedule.Waves)
        {
            // A genuine token for a deleted panel or an erased participant looks exactly like a bad link.
            return SurveyAccess.Refused(ProblemPage.InvalidLink());
        }

        // The token outlives the wave by a grace period, so an expired token always means a closed wave.
        var state = verification.Status == LinkVerificationStatus.Expired ? WaveState.Closed : panel.Schedule.StateAt(link.Wave, clock.GetUtcNow());
        return state switch
        {
            WaveState.Closed => SurveyAccess.Refused(ProblemPage.WaveClosed()),
            WaveState.Scheduled => SurveyAccess.Refused(ProblemPage.Page(StatusCodes.Status403Forbidden, "This survey is not open yet",
                $"Wave {link.Wave} opens on {Format(panel.Schedule.OpensAt(link.Wave), participant.TimeZone)}. Please come back then with the same link.")),
            _ => new SurveyAccess(panel, participant, link.Wave, null),
        };
    }

    private static SurveyFormModel Model(SurveyAccess access, string token) =>
        new(access.Panel!.Instrument, access.Panel.Name, access.Wave, access.Panel.Schedule.Waves, ClosesAtText(access), $"/api/{ParticipantLinks.SurveyRoute}/{token}");

    private static string ClosesAtText(SurveyAccess access) =>
        Format(access.Panel!.Schedule.ClosesAt(access.Wave), access.Participant!.TimeZone);

    private static string Format(DateTimeOffset instant, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }
}
