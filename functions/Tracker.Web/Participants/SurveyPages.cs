using Microsoft.AspNetCore.Http;
using Tracker.Engine.Forms;
using Tracker.Engine.Surveys;
using Tracker.Web.Forms;
using Tracker.Web.Pages;

namespace Tracker.Web.Participants;

/// <summary>The web side of a survey link: the engine's <see cref="SurveyService"/> decides, this turns its outcome into the page and status code.</summary>
public sealed class SurveyPages(SurveyService surveys)
{
    public async Task<HtmlPage> ShowAsync(string token, CancellationToken cancellationToken) =>
        PageOf(await surveys.ShowAsync(token, cancellationToken).ConfigureAwait(false));

    public async Task<HtmlPage> SubmitAsync(string token, IFormCollection form, CancellationToken cancellationToken) =>
        PageOf(await surveys.SubmitAsync(token, PostedForm.Answers(form), cancellationToken).ConfigureAwait(false));

    /// <summary>400: a post that was not a form within the limits.</summary>
    public static HtmlPage BadRequest() => ProblemPage.BadRequest();

    public static HtmlPage PageOf(SurveyOutcome outcome) => outcome switch
    {
        SurveyOutcome.Form form => SurveyFormPage.Page(form.Model),
        SurveyOutcome.Saved saved => ThankYouPage.Page(saved.PanelName, saved.ClosesAtText, saved.FormUrl, text: saved.Text),
        SurveyOutcome.Consent consent => ConsentPages.PageOf(consent.Outcome),
        SurveyOutcome.Closed => ProblemPage.WaveClosed(),
        SurveyOutcome.StudyEnded => ProblemPage.StudyEnded(),
        SurveyOutcome.NotYetOpen notYet => ProblemPage.Page(StatusCodes.Status403Forbidden, "This survey is not open yet",
            $"Wave {notYet.Wave} opens on {notYet.OpensAtText}. Please come back then with the same link."),
        SurveyOutcome.Malformed => ProblemPage.BadRequest(),
        SurveyOutcome.Unavailable => ProblemPage.Unavailable(),
        SurveyOutcome.UnavailableWithForm kept => SurveyFormPage.Unavailable(kept.Model),
        SurveyOutcome.UnavailableKeepingFields kept => ProblemPage.UnavailableKeepingAnswers(kept.ActionUrl, kept.Fields),
        _ => ProblemPage.InvalidLink(),
    };
}
