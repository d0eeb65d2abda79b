using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>PUT /api/panels/{id}/schedule: re-plans the waves that have not started; started, sent and answered waves keep their schedule.</summary>
public sealed class EditSchedule(PanelService panels, ScheduleEditor editor, AdminGate gate)
{
    [Function(nameof(EditSchedule))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "panels/{id}/schedule")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<EditSchedule>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        var (body, refusal) = await JsonBody.ReadElementAsync(request, cancellationToken);
        if (refusal is not null) return refusal;

        var readProblems = new List<string>();
        var definition = PanelDefinitionReader.ReadScheduleEdit(body, readProblems, out var retention, out var researcher);
        var edit = await editor.EditAsync(panel, definition, cancellationToken, readProblems, retention, researcher);
        if (edit.Panel is null) return ApiProblem.Of(edit.IsConflict ? 409 : edit.IsRetentionProblem ? 400 : 422, "The schedule was not changed.", edit.Problems);
        var schedule = edit.Panel.Schedule;
        return new OkObjectResult(new
        {
            id = edit.Panel.Id,
            firstReplannedWave = edit.FirstReplannedWave,
            waves = Enumerable.Range(1, schedule.Waves).Select(w => new { number = w, opensAt = schedule.OpensAt(w), closesAt = schedule.ClosesAt(w), replanned = w >= edit.FirstReplannedWave }),
        });
    }
}
