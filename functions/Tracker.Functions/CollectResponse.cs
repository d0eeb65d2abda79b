using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Forms;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>POST /api/r/{token}: validates and stores a participant's answers (one row per participant and wave).</summary>
public sealed class CollectResponse(SurveyPages surveys, PublicRateLimiter limiter)
{
    [Function(nameof(CollectResponse))]
    [PublicRoute("the signed participant link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        var (form, tooLarge) = await PostedForm.ReadAsync(request, PostedForm.SurveyMaxBytes, cancellationToken);
        if (tooLarge is not null) return tooLarge;
        if (form is null) return SurveyPages.BadRequest();
        var page = await surveys.SubmitAsync(token, form, cancellationToken);
        return page;
    }
}
