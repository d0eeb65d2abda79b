namespace Tracker.LocalHost.Discovery;

/// <summary>A function as the admin API lists it (JSON-friendly).</summary>
public sealed record FunctionSummary(
    string Name,
    string Kind,
    string? Route,
    IReadOnlyList<string>? Methods,
    string? AuthLevel,
    string? Schedule,
    string? Queue)
{
    public static FunctionSummary From(FunctionDescriptor function) => new(
        function.Name,
        function.Kind.ToString(),
        function.Http is null ? null : "/" + function.Http.Template,
        function.Http?.Methods,
        function.Http?.AuthLevel.ToString(),
        function.Timer?.ScheduleExpression,
        function.Queue?.QueueName);
}
