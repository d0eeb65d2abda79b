namespace Tracker.LocalHost.Invocation;

/// <summary>Where a function parameter's value comes from at invocation time.</summary>
internal enum ParameterSource
{
    HttpRequest,
    HttpContext,
    CancellationToken,
    FunctionContext,
    RouteValue,
    Body,
    TimerInfo,
    QueueMessage,
    QueueMetadata,
}
