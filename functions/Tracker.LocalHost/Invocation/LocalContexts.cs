using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Invocation;

/// <summary>The W3C trace context of the current activity, as the worker passes the host's.</summary>
internal sealed class LocalTraceContext : TraceContext
{
    public override string TraceParent { get; } = Activity.Current?.Id ?? string.Empty;

    public override string TraceState { get; } = Activity.Current?.TraceStateString ?? string.Empty;
}

/// <summary>Trigger metadata by name (route values, queue message properties), like the host's binding data.</summary>
internal sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
}

/// <summary>The local host never retries an invocation itself; queues retry by redelivery.</summary>
internal sealed class LocalRetryContext(int retryCount, int maxRetryCount) : RetryContext
{
    public override int RetryCount { get; } = retryCount;

    public override int MaxRetryCount { get; } = maxRetryCount;
}
