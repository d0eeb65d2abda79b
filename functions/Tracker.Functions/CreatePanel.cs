using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>POST /api/panels: a researcher defines a panel.</summary>
public sealed class CreatePanel(PanelService panels, AdminGate gate)
{
    [Function(nameof(CreatePanel))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<CreatePanel>(request, AdminTarget.None) is { } refused) return refused;
        var (body, refusal) = await JsonBody.ReadElementAsync(request, cancellationToken);
        if (refusal is not null) return refusal;

        var readProblems = new List<string>();
        var definition = PanelDefinitionReader.Read(body, readProblems);
        var created = await panels.CreateAsync(definition, cancellationToken, readProblems);
        if (!created.IsValid) return ApiProblem.Of(400, "The panel definition is invalid.", created.Problems);

        var panel = created.Value!;
        AdminActivity.Of(request)?.ForPanel(panel.Id);
        return new CreatedResult($"/api/panels/{panel.Id}", new
        {
            id = panel.Id,
            name = panel.Name,
            instrument = panel.Instrument.Id,
            waves = Enumerable.Range(1, panel.Schedule.Waves).Select(w => new { number = w, opensAt = panel.Schedule.OpensAt(w), closesAt = panel.Schedule.ClosesAt(w) }),
            warnings = panels.Warnings(panel),
        });
    }
}
