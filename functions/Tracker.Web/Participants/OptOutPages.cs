using Microsoft.AspNetCore.Http;
using Tracker.Engine.OptOut;
using Tracker.Web.Forms;
using Tracker.Web.Pages;

namespace Tracker.Web.Participants;

/// <summary>The web side of an opt-out link: the engine's <see cref="OptOutService"/> decides, this turns its outcome into the page and status code.</summary>
public sealed class OptOutPages(OptOutService optOut)
{
    /// <param name="language">The language chosen with the page's selector (<c>?lang=</c>), if any.</param>
    public async Task<HtmlPage> ShowAsync(string token, string? language, CancellationToken cancellationToken) =>
        PageOf(await optOut.ShowAsync(token, language, cancellationToken).ConfigureAwait(false));

    public Task<HtmlPage> ShowAsync(string token, CancellationToken cancellationToken) => ShowAsync(token, null, cancellationToken);

    public async Task<HtmlPage> RecordAsync(string token, IFormCollection form, CancellationToken cancellationToken) =>
        PageOf(await optOut.RecordAsync(token, PostedForm.Fields(form), cancellationToken).ConfigureAwait(false));

    public static HtmlPage PageOf(OptOutOutcome outcome) => outcome switch
    {
        OptOutOutcome.Choices choices => OptOutPage.Choices(choices.PanelName, choices.Wave, choices.ActionUrl, outcome.Texts),
        OptOutOutcome.Done done => OptOutPage.Done(done.PanelName, done.Choice, done.Wave, outcome.Texts),
        OptOutOutcome.NoChoice => OptOutPage.NoChoice(outcome.Texts),
        OptOutOutcome.Unavailable down => OptOutPage.Unavailable(down.ActionUrl, down.PostedField, down.PostedValue, outcome.Texts),
        _ => ProblemPage.InvalidLink(outcome.Texts),
    };
}
