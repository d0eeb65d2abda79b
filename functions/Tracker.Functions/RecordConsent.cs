using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Forms;
using Tracker.Web.Pages;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>POST /api/r/{token}/consent: the consent page's Agree (303 to the form) or Decline (participation ends).</summary>
public sealed class RecordConsent(ConsentPages consent, PublicRateLimiter limiter)
{
    public const long MaxBytes = 4 * 1024;

    [Function(nameof(RecordConsent))]
    [PublicRoute("the signed participant link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{token}/consent")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        var (form, tooLarge) = await PostedForm.ReadAsync(request, MaxBytes, cancellationToken);
        if (tooLarge is not null) return tooLarge;
        if (form is null) return ProblemPage.BadRequest();
        return await consent.DecideAsync(token, form, cancellationToken);
    }
}
