using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.Functions;

/// <summary>
/// For each batch on the dispatch queue: claim, send and record each message (a batch delivered twice sends nothing
/// twice). The worker deserialises the message into <see cref="DispatchBatch"/>; a message that is not one fails the
/// invocation, so the host retries it maxDequeueCount times (host.json) and then moves it to
/// <c>dispatch-batches-poison</c>, where status counts it for an operator.
/// </summary>
public sealed class SendDispatchBatch(WaveDispatcher dispatcher, ILogger<SendDispatchBatch> logger)
{
    [Function(nameof(SendDispatchBatch))]
    public async Task Run(
        [QueueTrigger(StorageNames.DispatchQueue, Connection = StorageNames.Connection)] DispatchBatch batch,
        CancellationToken cancellationToken)
    {
        // JSON that parses yet is no batch ("{}", a wave of 0) binds with nulls and zeros: refuse it like unparsable JSON.
        if (batch is not { PanelId: not null, Items: not null } || batch.Wave < 1)
        {
            throw new InvalidDispatchBatchException();
        }

        var report = await dispatcher.SendBatchAsync(batch, cancellationToken);
        if (report.Deferred > 0)
        {
            // Transient SMTP trouble: the claims were released, and the next planner run queues them again.
            logger.LogWarning("Batch for panel {PanelId} wave {Wave}: {Deferred} deferred", batch.PanelId, batch.Wave, report.Deferred);
        }
    }
}
