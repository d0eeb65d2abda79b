using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Access;
using Tracker.Engine.Audit;
using Tracker.Functions.Http;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>
/// GET /api/panels/{id}/audit[?from=&amp;to=&amp;action=&amp;who=&amp;pageSize=&amp;continuation=]: the panel's audit
/// trail, newest first, a page at a time (<c>continuation</c> from the previous page's answer).
/// </summary>
public sealed class GetPanelAudit(AuditLog audit, AdminGate gate)
{
    [Function(nameof(GetPanelAudit))]
    [RequiresRole(Role.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}/audit")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetPanelAudit>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var problems = new List<string>();
        var from = Moment(request, "from", problems);
        var to = Moment(request, "to", problems);
        var pageSize = 100;
        if (request.Query["pageSize"].FirstOrDefault() is { Length: > 0 } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            problems.Add("pageSize: a whole number from 1 to 1000");
        }

        if (from > to) problems.Add("from: must not be after to");
        if (problems.Count > 0) return ApiProblem.Of(400, "The audit query is invalid.", problems);

        var query = new AuditQuery(from, to, request.Query["action"].FirstOrDefault(), request.Query["who"].FirstOrDefault(), pageSize, request.Query["continuation"].FirstOrDefault());
        var page = await audit.ReadAsync(id, query, cancellationToken);
        AdminActivity.Of(request)?.Note("rows", page.Entries.Count);
        return new OkObjectResult(new
        {
            panelId = id,
            entries = page.Entries.Select(e => new
            {
                at = e.At,
                who = e.Who,
                role = e.Role,
                method = e.Method,
                action = e.Action,
                participantIds = e.ParticipantIds,
                wave = e.Wave,
                clientAddress = e.ClientAddress,
                result = e.Result,
                status = e.Status,
                details = e.Details,
            }),
            continuation = page.Continuation,
        });
    }

    private static DateTimeOffset? Moment(HttpRequest request, string name, List<string> problems)
    {
        if (request.Query[name].FirstOrDefault() is not { Length: > 0 } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        problems.Add($"{name}: an ISO 8601 date or time, e.g. 2026-12-03 or 2026-12-03T14:00:00Z");
        return null;
    }
}
