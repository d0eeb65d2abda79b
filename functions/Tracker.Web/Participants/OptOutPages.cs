using Microsoft.AspNetCore.Http;
using Tracker.Engine.OptOut;
using Tracker.Web.Forms;
using Tracker.Web.Pages;

namespace Tracker.Web.Participants;

/// <summary>The web side of an opt-out link: the engine's <see cref="OptOutService"/> decides, this turns its outcome into the page and status code.</summary>
public sealed class OptOutPages(OptOutService optOut)
{
    public async Task<HtmlPage> ShowAsync(string token, CancellationToken cancellationToken) =>
        PageOf(await optOut.ShowAsync(token, cancellationToken).ConfigureAwait(false));

    public async Task<HtmlPage> RecordAsync(string token, IFormCollection form, CancellationToken cancellationToken) =>
        PageOf(await optOut.RecordAsync(token, PostedForm.Fields(form), cancellationToken).ConfigureAwait(false));

    public static HtmlPage PageOf(OptOutOutcome outcome) => outcome switch
    {
        OptOutOutcome.Choices choices => OptOutPage.Choices(choices.PanelName, choices.Wave, choices.ActionUrl),
        OptOutOutcome.Done done => OptOutPage.Done(done.PanelName, done.Choice, done.Wave),
        OptOutOutcome.NoChoice => ProblemPage.Page(StatusCodes.Status400BadRequest, "Please choose an option", "Go back to the page, pick one of the three choices and save again."),
        OptOutOutcome.Unavailable down => OptOutPage.Unavailable(down.ActionUrl, down.PostedField, down.PostedValue),
        _ => ProblemPage.InvalidLink(),
    };
}
