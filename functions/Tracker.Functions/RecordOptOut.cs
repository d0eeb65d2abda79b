using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Web.Forms;
using Tracker.Web.Pages;
using Tracker.Web.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Access;

namespace Tracker.Functions;

/// <summary>POST /api/o/{token}: records the participant's choice; also the RFC 8058 one-click unsubscribe target (leave the panel).</summary>
public sealed class RecordOptOut(OptOutPages optOut, PublicRateLimiter limiter)
{
    public const long MaxBytes = 4 * 1024;

    [Function(nameof(RecordOptOut))]
    [PublicRoute("the signed opt-out link")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "o/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request) is { } refused) return refused;
        var (form, tooLarge) = await PostedForm.ReadAsync(request, MaxBytes, cancellationToken);
        if (tooLarge is not null) return tooLarge;
        if (form is null) return ProblemPage.BadRequest();
        return await optOut.RecordAsync(token, form, cancellationToken);
    }
}
