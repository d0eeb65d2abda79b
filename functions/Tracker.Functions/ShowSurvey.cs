using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>GET /api/r/{token}[?lang=xx]: the participant's form for one wave, in the language chosen with the page's selector.</summary>
public sealed class ShowSurvey(SurveyPages surveys, PublicRateLimiter limiter)
{
    [Function(nameof(ShowSurvey))]
    [PublicRoute("the signed participant link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        var page = await surveys.ShowAsync(token, request.Query["lang"].FirstOrDefault(), cancellationToken);
        return page;
    }
}
