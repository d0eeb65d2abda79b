using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Web.Security;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>POST /api/panels/{id}/participants: enrol participants from text/csv in UTF-8 (email,external_id,time_zone,first_name); ?dryRun=true only checks.</summary>
public sealed class ImportParticipants(PanelService panels, ParticipantImporter importer, AdminGate gate)
{
    public const long MaxBytes = 32L * 1024 * 1024;

    [Function(nameof(ImportParticipants))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/participants")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<ImportParticipants>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        if (request.ContentType is { } type && !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblem.Of(415, "Send the participants as text/csv with the header email,external_id,time_zone.");
        }

        if (request.ContentLength > MaxBytes) return ApiProblem.Of(413, $"The file is larger than {MaxBytes / 1024 / 1024} MiB; split it.");

        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");

        var dryRun = bool.TryParse(request.Query["dryRun"], out var flag) && flag;
        // Counted as read: a body without Content-Length that runs past the cap stops there as a 413.
        string text;
        using (var body = await CappedBody.ReadAsync(request, MaxBytes, cancellationToken))
        {
            if (body is null) return ApiProblem.Of(413, $"The file is larger than {MaxBytes / 1024 / 1024} MiB; split it.");
            using var bytes = new MemoryStream();
            await body.CopyToAsync(bytes, cancellationToken);
            // Decoded strictly: a Latin-1 file read as UTF-8 would store "M\uFFFDller" without a word of warning.
            if (ParticipantCsvText.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), out var encoding) is not { } decoded)
            {
                return ApiProblem.Of(400, "The participant file cannot be imported.", [encoding!]);
            }

            text = decoded;
        }

        var result = await importer.ImportAsync(panel, new StringReader(text), dryRun, cancellationToken);
        if (!result.IsValid) return ApiProblem.Of(400, "The participant file cannot be imported.", result.Problems);

        var import = result.Value!;
        AdminActivity.Of(request)?.Note("dryRun", dryRun).Note("added", import.Added).Note("updated", import.Updated).Note("rejected", import.Rejected.Count);
        return new OkObjectResult(new
        {
            dryRun,
            added = import.Added,
            completed = import.Completed,
            alreadyEnrolled = import.AlreadyEnrolled,
            updated = import.Updated,
            unchanged = import.Unchanged,
            rejected = import.Rejected.Select(r => new { line = r.Line, reason = r.Reason }),
        });
    }
}
