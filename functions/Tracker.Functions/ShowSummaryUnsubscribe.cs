using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Summaries;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>GET /api/summary/unsubscribe/{token}: asks a summary recipient to confirm (a GET never unsubscribes; scanners fetch links).</summary>
public sealed class ShowSummaryUnsubscribe(SummaryUnsubscribePages unsubscribe, PublicRateLimiter limiter)
{
    [Function(nameof(ShowSummaryUnsubscribe))]
    [PublicRoute("the signed unsubscribe link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SummarySubscriptions.Route + "/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        // The confirmation posts back to this very path, which is what a mail app's one-click unsubscribe posts to as well.
        // Anonymous like the survey links, so limited per client address the same way (tokens cannot be guessed, but can be tried).
        if (limiter.Refuse(request) is { } refused) return refused;
        var page = await unsubscribe.ShowAsync(token, request.PathBase.Add(request.Path).Value ?? "", cancellationToken);
        return page;
    }
}
