using Microsoft.AspNetCore.Http;
using Tracker.Engine.Forms;
using Tracker.Engine.Surveys;
using Tracker.Web.Forms;
using Tracker.Web.Pages;

namespace Tracker.Web.Participants;

/// <summary>The web side of a survey link: the engine's <see cref="SurveyService"/> decides, this turns its outcome into the page and status code.</summary>
public sealed class SurveyPages(SurveyService surveys)
{
    /// <param name="language">The language chosen with the page's selector (<c>?lang=</c>), if any.</param>
    public async Task<HtmlPage> ShowAsync(string token, string? language, CancellationToken cancellationToken) =>
        PageOf(await surveys.ShowAsync(token, language, cancellationToken).ConfigureAwait(false));

    public Task<HtmlPage> ShowAsync(string token, CancellationToken cancellationToken) => ShowAsync(token, null, cancellationToken);

    public async Task<HtmlPage> SubmitAsync(string token, IFormCollection form, CancellationToken cancellationToken) =>
        PageOf(await surveys.SubmitAsync(token, PostedForm.Answers(form), cancellationToken).ConfigureAwait(false));

    /// <summary>400: a post that was not a form within the limits.</summary>
    public static HtmlPage BadRequest() => ProblemPage.BadRequest();

    public static HtmlPage PageOf(SurveyOutcome outcome) => outcome switch
    {
        SurveyOutcome.Form form => SurveyFormPage.Page(form.Model),
        SurveyOutcome.Saved saved => ThankYouPage.Page(saved.PanelName, saved.ClosesAtText, saved.FormUrl, saved.Texts, saved.Text),
        SurveyOutcome.Consent consent => ConsentPages.PageOf(consent.Outcome),
        SurveyOutcome.Closed => ProblemPage.WaveClosed(outcome.Texts),
        SurveyOutcome.StudyEnded => ProblemPage.StudyEnded(outcome.Texts),
        SurveyOutcome.NotYetOpen notYet => ProblemPage.NotYetOpen(notYet.Wave, notYet.OpensAtText, outcome.Texts),
        SurveyOutcome.Malformed => ProblemPage.BadRequest(outcome.Texts),
        SurveyOutcome.Unavailable => ProblemPage.Unavailable(outcome.Texts),
        SurveyOutcome.UnavailableWithForm kept => SurveyFormPage.Unavailable(kept.Model),
        SurveyOutcome.UnavailableKeepingFields kept => ProblemPage.UnavailableKeepingAnswers(kept.ActionUrl, kept.Fields, outcome.Texts),
        _ => ProblemPage.InvalidLink(outcome.Texts),
    };
}
