using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Deletion;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// DELETE /api/panels/{id}?dryRun=true lists what deleting the panel would remove (per table: rows; per container:
/// blobs; per queue: messages naming it); DELETE /api/panels/{id}?confirm={id} removes all of it. Anything else is a
/// 400 that says how. A deletion cut short is finished by repeating it: the panel stays listed until the very end.
/// </summary>
public sealed class DeletePanel(PanelService panels, PanelDeletion deletion, AdminGate gate)
{
    [Function(nameof(DeletePanel))]
    [RequiresRole(Role.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "panels/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<DeletePanel>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var dryRun = request.Query["dryRun"].ToString();
        var confirm = request.Query["confirm"].ToString();
        if (dryRun is not ("" or "true" or "false")) return ApiProblem.Of(400, "dryRun: must be true or false.");

        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        if (dryRun == "true")
        {
            return new OkObjectResult(Body(await deletion.ListAsync(panel.Id, cancellationToken), dryRun: true));
        }

        if (confirm.Length == 0)
        {
            return ApiProblem.Of(400, $"Deleting panel '{id}' removes all its data for good: repeat the request with ?confirm={id} (or list what would go with ?dryRun=true).");
        }

        if (!string.Equals(confirm, panel.Id, StringComparison.Ordinal))
        {
            // The mismatched value is not echoed back.
            return ApiProblem.Of(400, $"confirm must repeat the panel's id exactly: ?confirm={id}.");
        }

        var removed = await deletion.DeleteAsync(panel.Id, cancellationToken);
        if (removed is not null) AdminActivity.Of(request)?.Note("rows", removed.TotalRows).Note("blobs", removed.TotalBlobs);
        return removed is null ? ApiProblem.NotFound($"Panel '{id}'") : new OkObjectResult(Body(removed, dryRun: false));
    }

    private static object Body(PanelContents contents, bool dryRun) => new
    {
        id = contents.PanelId,
        dryRun,
        deleted = !dryRun,
        tables = contents.Tables.Select(t => new { name = t.Table, rows = t.Rows }),
        blobs = contents.Blobs.Select(b => new { container = b.Container, count = b.Count, names = b.Names }),
        queues = contents.Queues.Select(q => new { name = q.Queue, messages = q.Messages }),
        totals = new { rows = contents.TotalRows, blobs = contents.TotalBlobs, messages = contents.TotalMessages },
    };
}
