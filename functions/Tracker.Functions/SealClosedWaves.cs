using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Sealing;

namespace Tracker.Functions;

/// <summary>On the dispatch schedule: each wave closed for everyone is sealed into its immutable snapshot, once.</summary>
public sealed class SealClosedWaves(ClosedWaveSealing sealing)
{
    [Function(nameof(SealClosedWaves))]
    public async Task Run([TimerTrigger("%" + DispatchDueWaves.ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await sealing.SealDueAsync(cancellationToken);
    }
}
