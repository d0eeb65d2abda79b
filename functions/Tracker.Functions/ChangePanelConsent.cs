using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Consent;
using Tracker.Engine.Panels;
using Tracker.Functions.Http;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>PUT /api/panels/{id}/consent: a new consent version, asked of every participant at their next link; earlier versions' texts are kept.</summary>
public sealed class ChangePanelConsent(ConsentAdmin consent, AdminGate gate)
{
    [Function(nameof(ChangePanelConsent))]
    [RequiresRole(Role.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "panels/{id}/consent")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ChangePanelConsent>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var (body, refusal) = await JsonBody.ReadElementAsync(request, cancellationToken);
        if (refusal is not null) return refusal;
        var readProblems = new List<string>();
        var definition = ConsentDefinition.Read(body, "consent", new DefinitionFields(readProblems));
        var change = await consent.ChangeAsync(id, definition, readProblems, cancellationToken);
        if (change is null) return ApiProblem.NotFound($"Panel '{id}'");
        if (change.Panel is null) return ApiProblem.Of(change.IsConflict ? 409 : 400, "The consent was not changed.", change.Problems);
        return new OkObjectResult(new { id = change.Panel.Id, version = change.Panel.Consent!.Version });
    }
}
