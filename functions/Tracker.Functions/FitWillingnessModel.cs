using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Models;

namespace Tracker.Functions;

/// <summary>On the model schedule: every panel with new responses or a wave that opened or closed gets its models refitted and stored.</summary>
public sealed class FitWillingnessModel(WillingnessModelService models, ILogger<FitWillingnessModel> logger)
{
    public const string ScheduleSetting = "ModelSchedule";

    [Function(nameof(FitWillingnessModel))]
    public async Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcomes = await models.FitDueAsync(cancellationToken);
        logger.LogInformation("Model run looked at {Panels} panels and fitted {Fitted} (past due: {PastDue})", outcomes.Count, outcomes.Count(o => o.Fitted), timer.IsPastDue);
    }
}
