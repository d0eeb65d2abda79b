using Microsoft.Extensions.Logging;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Sealing;

/// <summary>
/// Seals every wave that has closed for every participant (its latest close: send times and rolling enrolment
/// included) and is not sealed yet. Runs on the dispatch schedule; a second or concurrent run finds the snapshots and
/// changes nothing. A wave that closes is when researchers expect the model, so a panel with a newly sealed wave is
/// refitted at once rather than at the next daily model run.
/// </summary>
public sealed class ClosedWaveSealing(PanelRepository panels, WaveSealer sealer, WillingnessModelService models, TimeProvider clock, ILogger<ClosedWaveSealing> logger)
{
    /// <summary>Returns how many waves this run sealed.</summary>
    public async Task<int> SealDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sealedNow = 0;
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = (await panels.GetWavesAsync(panel.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.Number);
            var sealedHere = 0;
            for (var wave = 1; wave <= panel.Schedule.Waves && now >= panel.Schedule.LatestClose(wave); wave++)
            {
                if (rows.GetValueOrDefault(wave)?.SealedAt is not null) continue;
                var outcome = await sealer.SealAsync(panel, wave, cancellationToken).ConfigureAwait(false);
                if (outcome.Status == SealStatus.Sealed) sealedHere++;
            }

            if (sealedHere > 0) await FitAfterSealingAsync(panel, cancellationToken).ConfigureAwait(false);
            sealedNow += sealedHere;
        }

        if (sealedNow > 0) logger.LogInformation("Sealed {Waves} closed waves", sealedNow);
        return sealedNow;
    }

    /// <summary>Seals one wave (the admin route) and, when this call sealed it, refits the panel's model.</summary>
    public async Task<SealOutcome> SealAsync(Panel panel, int wave, CancellationToken cancellationToken)
    {
        var outcome = await sealer.SealAsync(panel, wave, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == SealStatus.Sealed) await FitAfterSealingAsync(panel, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    // The seal is done and stays done: a fit that fails here is left to the daily model run, which retries it.
    private async Task FitAfterSealingAsync(Panel panel, CancellationToken cancellationToken)
    {
        try
        {
            await models.FitIfStaleAsync(panel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sealed a wave of panel {PanelId} but could not refit its model now; the model run will", panel.Id);
        }
    }
}
