using Azure;
using Microsoft.Extensions.Logging;
using Tracker.Panels.Panels;

namespace Tracker.Panels.Summaries;

/// <summary>What the anonymous unsubscribe endpoint does: verify the signed token, then show the question or record the answer.</summary>
public sealed class SummaryUnsubscribe(SummarySubscriptions subscriptions, PanelRepository panels, TimeProvider clock, ILogger<SummaryUnsubscribe> logger)
{
    /// <summary>GET: asks for confirmation (or says it is done already); never changes anything.</summary>
    public Task<Forms.HtmlPage> ShowAsync(string token, string actionUrl, CancellationToken cancellationToken) =>
        GuardAsync(token, async (verified, panel) =>
            await subscriptions.IsUnsubscribedAsync(verified, cancellationToken).ConfigureAwait(false)
                ? UnsubscribePage.Done(panel.Name)
                : UnsubscribePage.Confirm(panel.Name, actionUrl), cancellationToken);

    /// <summary>POST (the page's button or a mail app's one-click request): unsubscribes; repeating it is harmless.</summary>
    public Task<Forms.HtmlPage> UnsubscribeAsync(string token, CancellationToken cancellationToken) =>
        GuardAsync(token, async (verified, panel) =>
        {
            await subscriptions.UnsubscribeAsync(verified, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Recipient {RecipientKey} unsubscribed from the summaries of panel {PanelId}", verified.RecipientKey, panel.Id);
            return UnsubscribePage.Done(panel.Name);
        }, cancellationToken);

    private async Task<Forms.HtmlPage> GuardAsync(string token, Func<SubscriptionToken, Panel, Task<Forms.HtmlPage>> action, CancellationToken cancellationToken)
    {
        if (subscriptions.Verify(token) is not { } verified) return UnsubscribePage.InvalidLink();
        try
        {
            var panel = await panels.GetAsync(verified.PanelId, cancellationToken).ConfigureAwait(false);
            return panel is null ? UnsubscribePage.InvalidLink() : await action(verified, panel).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is >= 500 or 0)
        {
            logger.LogWarning(ex, "Storage unavailable while handling an unsubscribe link of panel {PanelId}", verified.PanelId);
            return UnsubscribePage.Unavailable();
        }
    }
}
