using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Summaries;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>
/// POST /api/summary/unsubscribe/{token}: unsubscribes the recipient the signed token names, from the confirmation
/// page's button or a mail app's RFC 8058 one-click request (body <c>List-Unsubscribe=One-Click</c>). The body is not
/// read: the token alone decides, so no body can turn a valid request into an error.
/// </summary>
public sealed class UnsubscribeFromSummaries(SummaryUnsubscribePages unsubscribe, PublicRateLimiter limiter)
{
    [Function(nameof(UnsubscribeFromSummaries))]
    [PublicRoute("the signed unsubscribe link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SummarySubscriptions.Route + "/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        // Anonymous like the survey links, so limited per client address the same way (tokens cannot be guessed, but can be tried).
        if (limiter.Refuse(request) is { } refused) return refused;
        var page = await unsubscribe.UnsubscribeAsync(token, cancellationToken);
        return page;
    }
}
