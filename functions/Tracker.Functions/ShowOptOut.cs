using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>GET /api/o/{token}[?lang=xx]: the opt-out page behind every email (skip this wave, stop reminders, leave the panel).</summary>
public sealed class ShowOptOut(OptOutPages optOut, PublicRateLimiter limiter)
{
    [Function(nameof(ShowOptOut))]
    [PublicRoute("the signed opt-out link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "o/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        return await optOut.ShowAsync(token, request.Query["lang"].FirstOrDefault(), cancellationToken);
    }
}
