using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Discovery;

namespace Tracker.LocalHost.Invocation;

/// <summary>
/// Runs one invocation as the worker does: a function class created per invocation with ActivatorUtilities from the
/// invocation's DI scope, a <see cref="Microsoft.Azure.Functions.Worker.FunctionContext"/>, bound arguments, the
/// returned Task awaited. Logs Executing/Executed lines like the host.
/// </summary>
internal sealed class FunctionInvoker
{
    private readonly IServiceProvider _root;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LocalFunctionDefinition> _definitions = new(StringComparer.OrdinalIgnoreCase);

    public FunctionInvoker(IServiceProvider root, ILoggerFactory loggerFactory)
    {
        _root = root;
        _logger = loggerFactory.CreateLogger("Tracker.LocalHost.Executor");
    }

    /// <summary>Invokes in a new DI scope (timer, queue and manual invocations).</summary>
    public async Task<object?> InvokeInNewScopeAsync(FunctionDescriptor function, TriggerInput input, CancellationToken cancellationToken)
    {
        var scope = _root.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await InvokeAsync(function, input, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Invokes with the given scoped provider (HTTP requests use the request's scope).</summary>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, TriggerInput input, IServiceProvider services, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        var definition = _definitions.GetOrAdd(function.Name, _ => new LocalFunctionDefinition(function));
        var retry = input is QueueTriggerInput queue ? new LocalRetryContext((int)Math.Max(0, queue.Message.DequeueCount - 1), -1) : null;
        var context = new LocalFunctionContext(invocationId, definition, services, ParameterBinder.BindingData(input), retry, cancellationToken);
        if (input is HttpTriggerInput http)
        {
            context.Items[LocalFunctionContext.HttpContextItemKey] = http.HttpContext;
        }

        using var logScope = _logger.BeginScope(new Dictionary<string, object> { ["AzureFunctions_FunctionName"] = function.Name, ["AzureFunctions_InvocationId"] = invocationId });
        _logger.LogInformation("Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})", function.Name, input.Reason, invocationId);
        var started = Stopwatch.GetTimestamp();
        object? instance = null;
        try
        {
            var arguments = await ParameterBinder.BindAsync(function, input, context, cancellationToken).ConfigureAwait(false);
            instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
            var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            var result = await AwaitableUnwrapper.AwaitAsync(returned, function.Method.ReturnType).ConfigureAwait(false);
            _logger.LogInformation(
                "Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs}ms)",
                function.Name, invocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping (or the caller went away): an expected end, not a failure worth a stack trace.
            _logger.LogInformation(
                "Executed 'Functions.{FunctionName}' (Cancelled, Id={InvocationId}, Duration={DurationMs}ms)",
                function.Name, invocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogError(
                ex,
                "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs}ms)",
                function.Name, invocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
