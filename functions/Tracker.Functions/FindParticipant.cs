using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// POST /api/panels/{id}/participants/lookup with <c>{"email": "…"}</c>: the participant id behind an address. A POST
/// so the address travels in the body, never in a URL that access logs keep.
/// </summary>
public sealed class FindParticipant(PanelService panels, ParticipantLookup lookup, AdminGate gate)
{
    [Function(nameof(FindParticipant))]
    [RequiresRole(Role.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/participants/lookup")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<FindParticipant>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        var (body, refusal) = await JsonBody.ReadElementAsync(request, cancellationToken);
        if (refusal is not null) return refusal;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("email", out var email) || email.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(email.GetString()))
        {
            return ApiProblem.Of(400, "email: give the address to look up, as {\"email\": \"name@example.org\"}.");
        }

        var participantId = await lookup.FindAsync(panel.Id, email.GetString()!, cancellationToken);
        return participantId is null
            ? ApiProblem.Of(404, $"No participant of panel '{id}' has that address (an erased participant's address is not kept).")
            : new OkObjectResult(new { panelId = panel.Id, participantId });
    }
}
