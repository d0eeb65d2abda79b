using Azure.Storage.Queues.Models;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;
using Tracker.LocalHost.Timers;

namespace Tracker.LocalHost.Admin;

/// <summary>
/// Runs a timer or queue function now, as the host's admin API does for non-HTTP functions: a timer's input is
/// ignored; a queue function receives the input as the message text (it is not enqueued).
/// </summary>
internal sealed class ManualInvoker(IReadOnlyDictionary<string, FunctionDescriptor> functions, TimerScheduler timers, FunctionInvoker invoker, TimeProvider clock)
{
    private const string Reason = "This function was programmatically called via the host APIs.";

    /// <summary>Completes when the function has; its exception, if any, propagates.</summary>
    public async Task InvokeAsync(string functionName, string? input, CancellationToken cancellationToken)
    {
        if (!functions.TryGetValue(functionName, out var function))
        {
            throw new FunctionNotFoundException(functionName);
        }

        switch (function.Kind)
        {
            case FunctionKind.Timer when timers.TryGetRunner(function.Name, out var runner):
                await runner.InvokeNowAsync(cancellationToken).ConfigureAwait(false);
                break;
            case FunctionKind.Queue:
                var now = clock.GetUtcNow();
                var message = QueuesModelFactory.QueueMessage(
                    messageId: Guid.NewGuid().ToString(),
                    popReceipt: string.Empty,
                    body: BinaryData.FromString(input ?? string.Empty),
                    dequeueCount: 1,
                    nextVisibleOn: now,
                    insertedOn: now,
                    expiresOn: now.AddDays(7));
                await invoker.InvokeInNewScopeAsync(function, new QueueTriggerInput(message, Reason), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException(
                    $"Function '{function.Name}' is an HTTP function; call its route /{function.Http?.Template} instead of invoking it through the admin API.");
        }
    }
}
