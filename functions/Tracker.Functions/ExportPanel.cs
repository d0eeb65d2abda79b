using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Exports;
using Tracker.Engine.Panels;
using Tracker.Web;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/export/{format}: the panel's data as long, wide or items CSV, codebook (JSON or Markdown) or an R bundle.</summary>
public sealed class ExportPanel(PanelService panels, PanelExporter exporter, AdminGate gate)
{
    [Function(nameof(ExportPanel))]
    [RequiresRole(Role.Analyst, Note = "owner for linking and consent, which carry contacts or consent records")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/export/{format}")] HttpRequest request,
        string id,
        string format,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ExportPanel>(request, AdminTarget.Panel(id), ExportAccess.RoleFor(format)) is { } refused) return refused;
        if (!ExportFormats.TryParse(format, out var kind))
        {
            // The unknown name is not echoed: whatever was in the URL stays out of the answer.
            return ApiProblem.Of(400, "There is no export format by that name.", [$"format: one of {string.Join(", ", ExportFormats.Names)}"]);
        }

        AdminActivity.Of(request)?.Note("format", ExportFormats.FileName(kind));
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        AdminActivity.Of(request)?.WaitForBody();
        return new ExportDownload(panel, kind, exporter);
    }
}
