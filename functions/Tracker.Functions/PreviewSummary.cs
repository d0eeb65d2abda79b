using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Summaries;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}/summary/preview: the stakeholder summary as it would be sent now, charts inlined.</summary>
public sealed class PreviewSummary(TrendSummaryService summaries, AdminGate gate)
{
    [Function(nameof(PreviewSummary))]
    [RequiresRole(Role.Analyst)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/summary/preview")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<PreviewSummary>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var preview = await summaries.PreviewAsync(id, cancellationToken);
        if (!preview.PanelFound) return ApiProblem.NotFound($"Panel '{id}'");
        return preview.Html is null
            ? ApiProblem.Of(404, preview.Problem ?? $"Panel '{id}' has nothing to summarise yet.")
            : new ContentResult { Content = preview.Html, ContentType = "text/html; charset=utf-8", StatusCode = 200 };
    }
}
