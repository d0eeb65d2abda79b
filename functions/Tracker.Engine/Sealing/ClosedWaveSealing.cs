using Microsoft.Extensions.Logging;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Sealing;

/// <summary>
/// Seals every wave that has closed for every participant (its latest close: send times and rolling enrolment
/// included) and is not sealed yet. Runs on the dispatch schedule; a second or concurrent run finds the snapshots and
/// changes nothing.
/// </summary>
public sealed class ClosedWaveSealing
{
    private readonly PanelRepository panels;
    private readonly WaveSealer sealer;
    private readonly TimeProvider clock;
    private readonly ILogger<ClosedWaveSealing> logger;

    public ClosedWaveSealing(PanelRepository panels, WaveSealer sealer, TimeProvider clock, ILogger<ClosedWaveSealing> logger)
    {
        this.panels = panels;
        this.sealer = sealer;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Returns how many waves this run sealed.</summary>
    public async Task<int> SealDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sealedNow = 0;
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = (await panels.GetWavesAsync(panel.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.Number);
            for (var wave = 1; wave <= panel.Schedule.Waves && now >= panel.Schedule.LatestClose(wave); wave++)
            {
                if (rows.GetValueOrDefault(wave)?.SealedAt is not null) continue;
                var outcome = await sealer.SealAsync(panel, wave, cancellationToken).ConfigureAwait(false);
                if (outcome.Status == SealStatus.Sealed) sealedNow++;
            }
        }

        if (sealedNow > 0) logger.LogInformation("Sealed {Waves} closed waves", sealedNow);
        return sealedNow;
    }
}
