using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Retention;

namespace Tracker.Functions;

/// <summary>Daily at 06:30 UTC: each panel's researcher is told, once at 30 days and once at 7, that its data-retention date is near.</summary>
public sealed class SendRetentionNotices(RetentionNoticeService notices, ILogger<SendRetentionNotices> logger)
{
    // A fixed daily time rather than a setting: the notice counts whole days, so running it more often adds nothing.
    public const string Schedule = "0 30 6 * * *";

    [Function(nameof(SendRetentionNotices))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var sent = await notices.SendDueAsync(cancellationToken);
        logger.LogInformation("Retention notice run sent {Sent} emails (past due: {PastDue})", sent, timer.IsPastDue);
    }
}
