using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>DELETE /api/panels/{id}/participants/{participantId}[?responses=true]: erasure of a participant's contact (and answers).</summary>
public sealed class EraseParticipant(PanelService panels, ParticipantErasure erasure, AdminGate gate)
{
    [Function(nameof(EraseParticipant))]
    [RequiresRole(Role.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "panels/{id}/participants/{participantId}")] HttpRequest request,
        string id,
        string participantId,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<EraseParticipant>(request, AdminTarget.Participant(id, participantId)) is { } refused) return refused;
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        var withResponses = request.Query["responses"].ToString();
        if (withResponses is not ("" or "true" or "false")) return ApiProblem.Of(400, "responses: must be true or false.");

        var deleted = await erasure.EraseAsync(panel, participantId, withResponses == "true", cancellationToken);
        if (deleted is null) return ApiProblem.NotFound($"Participant '{participantId}' of panel '{id}'");
        AdminActivity.Of(request)?.Note("contactErased", true).Note("responsesErased", withResponses == "true").Note("responseRows", deleted);
        return new OkObjectResult(new { participantId, contactErased = true, responsesErased = withResponses == "true", responseRowsDeleted = deleted });
    }
}
