using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Invitations;

namespace Tracker.Functions;

/// <summary>On the dispatch schedule: every invitation and reminder whose time has come is planned onto the dispatch queue, once.</summary>
public sealed class DispatchDueWaves(DispatchPlanner planner, ILogger<DispatchDueWaves> logger)
{
    public const string ScheduleSetting = "DispatchSchedule";

    [Function(nameof(DispatchDueWaves))]
    public async Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var queued = await planner.PlanDueAsync(cancellationToken);
        logger.LogInformation("Dispatch run queued {Queued} messages (past due: {PastDue})", queued, timer.IsPastDue);
    }
}
