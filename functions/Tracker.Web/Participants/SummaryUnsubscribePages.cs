using Tracker.Engine.Summaries;
using Tracker.Web.Pages;

namespace Tracker.Web.Participants;

/// <summary>The web side of a summary's unsubscribe link: the engine's <see cref="SummaryUnsubscribe"/> decides, this turns its outcome into the page.</summary>
public sealed class SummaryUnsubscribePages(SummaryUnsubscribe unsubscribe)
{
    /// <inheritdoc cref="SummaryUnsubscribe.ShowAsync"/>
    public async Task<HtmlPage> ShowAsync(string token, string actionUrl, CancellationToken cancellationToken) =>
        PageOf(await unsubscribe.ShowAsync(token, actionUrl, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc cref="SummaryUnsubscribe.UnsubscribeAsync"/>
    public async Task<HtmlPage> UnsubscribeAsync(string token, CancellationToken cancellationToken) =>
        PageOf(await unsubscribe.UnsubscribeAsync(token, cancellationToken).ConfigureAwait(false));

    public static HtmlPage PageOf(UnsubscribeOutcome outcome) => outcome switch
    {
        UnsubscribeOutcome.Confirm confirm => UnsubscribePage.Confirm(confirm.PanelName, confirm.ActionUrl),
        UnsubscribeOutcome.Done done => UnsubscribePage.Done(done.PanelName),
        UnsubscribeOutcome.Unavailable => UnsubscribePage.Unavailable(),
        _ => UnsubscribePage.InvalidLink(),
    };
}
