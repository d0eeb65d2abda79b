using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Sealing;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>POST /api/panels/{id}/waves/{n}/seal: write a closed wave's responses to its immutable snapshot now (idempotent).</summary>
public sealed class SealWave(PanelService panels, ClosedWaveSealing sealing, AdminGate gate)
{
    [Function(nameof(SealWave))]
    [RequiresRole(Role.Manager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panels/{id}/waves/{n:int}/seal")] HttpRequest request,
        string id,
        int n,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<SealWave>(request, AdminTarget.OfWave(id, n)) is { } refused) return refused;
        var panel = await panels.GetAsync(id, cancellationToken);
        if (panel is null) return ApiProblem.NotFound($"Panel '{id}'");
        if (n < 1 || n > panel.Schedule.Waves) return ApiProblem.Of(404, $"Panel '{id}' has waves 1 to {panel.Schedule.Waves}; there is no wave {n}.");
        // The sealer refuses a wave that has not closed (now < its close), so the rule lives in one place.
        var outcome = await sealing.SealAsync(panel, n, cancellationToken);
        if (outcome.Status == SealStatus.NotClosed)
        {
            return ApiProblem.Of(409, $"Wave {n} is not closed yet (it closes for everyone at {outcome.ClosesAt ?? panel.Schedule.LatestClose(n):O}); its answers can still change, so it cannot be sealed.");
        }

        return new OkObjectResult(new
        {
            wave = n,
            sealedNow = outcome.Status == SealStatus.Sealed,
            rows = outcome.Rows,
            sealedAt = outcome.SealedAt,
            blob = $"{Tracker.Engine.Storage.StorageNames.SealedWavesContainer}/{SealedWaveStore.BlobName(panel.Id, n)}",
        });
    }
}
