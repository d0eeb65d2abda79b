using Microsoft.Extensions.Logging;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;
using Tracker.Engine.Surveys;

namespace Tracker.Engine.Summaries;

/// <summary>
/// What the anonymous unsubscribe endpoint does: verify the signed token, then show the question or record the answer.
/// While storage is down the outcome says so (the web side answers 503; the same link works later), never an exception.
/// </summary>
public sealed class SummaryUnsubscribe(SummarySubscriptions subscriptions, PanelRepository panels, TimeProvider clock, ILogger<SummaryUnsubscribe> logger)
{
    /// <summary>GET: asks for confirmation (or says it is done already); never changes anything.</summary>
    public Task<UnsubscribeOutcome> ShowAsync(string token, string actionUrl, CancellationToken cancellationToken) =>
        GuardAsync(token, async (recipient, panel, ct) =>
            recipient is null || await subscriptions.IsUnsubscribedAsync(recipient, ct).ConfigureAwait(false)
                ? new UnsubscribeOutcome.Done(panel.Name)
                : new UnsubscribeOutcome.Confirm(panel.Name, actionUrl), records: false, cancellationToken);

    /// <summary>POST (the page's button or a mail app's one-click request): unsubscribes; repeating it is harmless.</summary>
    public Task<UnsubscribeOutcome> UnsubscribeAsync(string token, CancellationToken cancellationToken) =>
        GuardAsync(token, async (recipient, panel, ct) =>
        {
            // A recipient no longer among the stakeholders gets no summaries: there is nothing to record.
            if (recipient is not null)
            {
                await subscriptions.UnsubscribeAsync(recipient, clock.GetUtcNow(), ct).ConfigureAwait(false);
                logger.LogInformation("Recipient {RecipientKey} unsubscribed from the summaries of panel {PanelId}", recipient.RecipientKey, panel.Id);
            }

            return new UnsubscribeOutcome.Done(panel.Name);
        }, records: true, cancellationToken);

    private async Task<UnsubscribeOutcome> GuardAsync(string token, Func<SubscriptionToken?, Panel, CancellationToken, Task<UnsubscribeOutcome>> action, bool records, CancellationToken cancellationToken)
    {
        if (subscriptions.Verify(token) is not { } claim) return new UnsubscribeOutcome.InvalidLink();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SurveyService.StorageDeadline);
        try
        {
            var panel = await panels.GetAsync(claim.PanelId, deadline.Token).ConfigureAwait(false);
            return panel is null ? new UnsubscribeOutcome.InvalidLink() : await action(subscriptions.RecipientOf(claim, panel), panel, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex, cancellationToken))
        {
            if (records)
            {
                // A mail app's one-click POST may never be retried: say so loudly, by panel, for the research team.
                logger.LogError("Summary unsubscribe of a recipient of panel {PanelId} NOT recorded: storage unavailable, answered 503 ({Error})", claim.PanelId, ex.GetType().Name);
            }
            else
            {
                logger.LogWarning("Storage unavailable while showing a summary unsubscribe page of panel {PanelId}; answered 503 ({Error})", claim.PanelId, ex.GetType().Name);
            }

            return new UnsubscribeOutcome.Unavailable();
        }
    }
}
