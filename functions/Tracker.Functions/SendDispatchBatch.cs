using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.Functions;

/// <summary>For each batch on the dispatch queue: claim, send and record each message (a batch delivered twice sends nothing twice).</summary>
public sealed class SendDispatchBatch(WaveDispatcher dispatcher, ILogger<SendDispatchBatch> logger)
{
    [Function(nameof(SendDispatchBatch))]
    public async Task Run(
        [QueueTrigger(StorageNames.DispatchQueue, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken)
    {
        var batch = DispatchBatchJson.TryParse(message);
        if (batch is null)
        {
            // Retrying cannot make it parse; the planner re-plans anything it stood for after the claim lease.
            logger.LogWarning("Dropped a dispatch queue message that is not a batch ({Length} characters)", message.Length);
            return;
        }

        var report = await dispatcher.SendBatchAsync(batch, cancellationToken);
        if (report.Deferred > 0)
        {
            // Transient SMTP trouble: the claims were released, and the next planner run queues them again.
            logger.LogWarning("Batch for panel {PanelId} wave {Wave}: {Deferred} deferred", batch.PanelId, batch.Wave, report.Deferred);
        }
    }
}
