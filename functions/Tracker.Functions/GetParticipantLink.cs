using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Functions.Http;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// GET /api/panels/{id}/participants/{participantId}/waves/{n}/link: the participant's survey link for a wave, as their
/// invitation carries it, for support (a participant who lost the email) and the deployment smoke test. Logged with the
/// panel, the pseudonymous participant id and the wave only: never the link, which opens the participant's answers.
/// </summary>
public sealed class GetParticipantLink(PanelService panels, ParticipantRepository participants, ParticipantLinks links, ILogger<GetParticipantLink> logger, AdminGate gate)
{
    [Function(nameof(GetParticipantLink))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/participants/{participantId}/waves/{n:int}/link")] HttpRequest request,
        string id,
        string participantId,
        int n,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetParticipantLink>(request, AdminTarget.ParticipantWave(id, participantId, n)) is { } refused) return refused;
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        if (n < 1 || n > panel.Schedule.Waves) return ApiProblem.Of(404, $"Panel '{id}' has waves 1 to {panel.Schedule.Waves}; there is no wave {n}.");
        if (panel.IsClosed) return ApiProblem.Of(409, $"Panel '{id}' is closed (since {panel.ClosedAt:O}): its links answer that the study has ended.");
        var participant = await participants.GetAsync(panel.Id, participantId, cancellationToken);
        if (participant is null) return ApiProblem.NotFound($"Participant '{participantId}' of panel '{id}'");
        if (!participant.Active) return ApiProblem.Of(409, $"Participant '{participantId}' has left panel '{id}' or was erased: their link would not open the form.");

        var schedule = participant.ScheduleIn(panel);
        logger.LogInformation("Survey link handed out for panel {PanelId} participant {ParticipantId} wave {Wave}", panel.Id, participant.Id, n);
        return new OkObjectResult(new
        {
            panelId = panel.Id,
            participantId = participant.Id,
            wave = n,
            url = links.SurveyLink(panel, participant, n).AbsoluteUri,
            opensAt = schedule.InviteAt(n),
            closesAt = schedule.ClosesAt(n),
        });
    }
}
