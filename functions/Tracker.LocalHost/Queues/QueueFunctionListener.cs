using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Configuration;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Queues;

/// <summary>
/// Polls one queue for one function as the queue extension does: back-off while empty, up to N messages in
/// parallel, delete on success, release for a retry after host.json's visibilityTimeout on failure, and move to
/// <c>{queue}-poison</c> once a message has failed maxDequeueCount times. Polling runs on real time, not on the
/// host's clock: a fake clock would never wake it.
/// </summary>
internal sealed class QueueFunctionListener
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    // Long enough for a slow invocation; the host renews its lease instead, which a local host can do without.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly FunctionDescriptor _function;
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly FunctionInvoker _invoker;
    private readonly HostJsonSettings _settings;
    private readonly int _parallelism;
    private readonly TimeSpan _maxPollingInterval;
    private readonly ILogger _logger;

    public QueueFunctionListener(
        FunctionDescriptor function,
        QueueServiceClient service,
        FunctionInvoker invoker,
        HostJsonSettings settings,
        int parallelism,
        TimeSpan maxPollingInterval,
        ILogger logger)
    {
        _function = function;
        _queue = service.GetQueueClient(function.Queue!.QueueName);
        _poison = service.GetQueueClient(function.Queue.PoisonQueueName);
        _invoker = invoker;
        _settings = settings;
        _parallelism = Math.Max(1, parallelism);
        _maxPollingInterval = maxPollingInterval < MinPollingInterval ? MinPollingInterval : maxPollingInterval;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation(
            "Queue listener for {FunctionName} polling '{QueueName}' at {QueueUri} (parallelism {Parallelism}, maxDequeueCount {MaxDequeueCount})",
            _function.Name, _queue.Name, _queue.Uri, _parallelism, _settings.MaxDequeueCount);

        using var slots = new SemaphoreSlim(_parallelism, _parallelism);
        var inFlight = new List<Task>();
        var delay = MinPollingInterval;
        var queueReady = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!queueReady)
                {
                    await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    queueReady = true;
                }

                // Ask only for as many messages as there are free slots, so none sits leased while waiting.
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var free = slots.CurrentCount + 1;
                slots.Release();
                QueueMessage[] messages = (await _queue.ReceiveMessagesAsync(Math.Min(32, free), Lease, cancellationToken).ConfigureAwait(false)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPollingInterval;
                foreach (var message in messages)
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    inFlight.RemoveAll(t => t.IsCompleted);
                    inFlight.Add(ProcessAndReleaseAsync(message, slots, cancellationToken));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException or AggregateException)
            {
                queueReady = false;
                _logger.LogWarning(ex, "Queue listener for {FunctionName} could not reach '{QueueName}'; retrying in {Delay}", _function.Name, _queue.Name, _maxPollingInterval);
                await DelayQuietlyAsync(_maxPollingInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task ProcessAndReleaseAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Queue listener for {FunctionName} could not complete message {MessageId}", _function.Name, message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var input = new QueueTriggerInput(message, $"New queue message detected on '{_queue.Name}'.");
        try
        {
            await _invoker.InvokeInNewScopeAsync(_function, input, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the message back at once rather than after the lease.
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception)
        {
            // The invoker has logged the failure.
            await FailAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    private async Task FailAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount >= _settings.MaxDequeueCount)
        {
            await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await _poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            _logger.LogWarning(
                "Message {MessageId} has reached MaxDequeueCount of {MaxDequeueCount}; moved to '{PoisonQueueName}'",
                message.MessageId, _settings.MaxDequeueCount, _poison.Name);
            return;
        }

        await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
