using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Panels.Invitations;

namespace Tracker.Functions;

/// <summary>On the dispatch schedule: every wave whose time has come is sent to each active participant, once.</summary>
public sealed class DispatchDueWaves(WaveDispatcher dispatcher, ILogger<DispatchDueWaves> logger)
{
    public const string ScheduleSetting = "DispatchSchedule";

    [Function(nameof(DispatchDueWaves))]
    public async Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var reports = await dispatcher.DispatchDueAsync(cancellationToken);
        logger.LogInformation("Dispatch run covered {Waves} open waves, sent {Sent} (past due: {PastDue})", reports.Count, reports.Sum(r => r.Sent), timer.IsPastDue);
    }
}
