using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracker.Engine.Consent;
using Tracker.Web.Forms;
using Tracker.Web.Pages;

namespace Tracker.Web.Participants;

/// <summary>The web side of the consent step: the engine decides (<see cref="ConsentService"/>, <see cref="ConsentGate"/>), this answers with a page or a redirect.</summary>
public sealed class ConsentPages(ConsentService consent)
{
    /// <summary>The decision posted to the participant's link + <c>/consent</c>.</summary>
    public async Task<IActionResult> DecideAsync(string token, IFormCollection form, CancellationToken cancellationToken) =>
        ResultOf(await consent.DecideAsync(token, PostedForm.Fields(form), cancellationToken).ConfigureAwait(false));

    public static IActionResult ResultOf(ConsentOutcome outcome) => outcome switch
    {
        ConsentOutcome.Agreed agreed => ConsentPage.SeeForm(agreed.FormUrl),
        _ => PageOf(outcome),
    };

    /// <summary>The page for an outcome; an <see cref="ConsentOutcome.Agreed"/> reached from a GET shows a link to the form rather than redirecting.</summary>
    public static HtmlPage PageOf(ConsentOutcome outcome) => outcome switch
    {
        ConsentOutcome.Ask ask => ConsentPage.Ask(ask.Page),
        ConsentOutcome.Declined declined => ConsentPage.Declined(declined.PanelName, outcome.Texts),
        ConsentOutcome.ConsentFirst first => ConsentPage.ConsentFirst(first.PanelName, first.FormUrl, outcome.Texts),
        ConsentOutcome.NoDecision => ConsentPage.NoDecision(outcome.Texts),
        ConsentOutcome.Survey survey => SurveyPages.PageOf(survey.Outcome),
        ConsentOutcome.Unavailable => ProblemPage.Unavailable(),
        _ => ProblemPage.InvalidLink(),
    };
}
