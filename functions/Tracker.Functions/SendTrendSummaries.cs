using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Summaries;

namespace Tracker.Functions;

/// <summary>On the summary schedule: after each wave closes, each stakeholder of the panel gets its trend summary, once.</summary>
public sealed class SendTrendSummaries(TrendSummaryService summaries, ILogger<SendTrendSummaries> logger)
{
    public const string ScheduleSetting = "SummarySchedule";

    [Function(nameof(SendTrendSummaries))]
    public async Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var runs = await summaries.SendDueAsync(cancellationToken);
        logger.LogInformation("Summary run covered {Panels} panels and sent {Sent} emails (past due: {PastDue})", runs.Count, runs.Sum(r => r.Sent), timer.IsPastDue);
    }
}
