using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Invocation;

/// <summary>
/// The <see cref="FunctionContext"/> of one local invocation. InstanceServices is the invocation's DI scope, so
/// <c>context.GetLogger()</c> and <c>context.InstanceServices.GetRequiredService</c> behave as in the worker.
/// </summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>The key under which the ASP.NET Core integration keeps the HttpContext (read by <c>GetHttpContext()</c>).</summary>
    internal const string HttpContextItemKey = "HttpRequestContext";

    public LocalFunctionContext(
        string invocationId,
        FunctionDefinition definition,
        IServiceProvider services,
        IReadOnlyDictionary<string, object?> bindingData,
        RetryContext? retryContext,
        CancellationToken cancellationToken)
    {
        InvocationId = invocationId;
        FunctionDefinition = definition;
        InstanceServices = services;
        BindingContext = new LocalBindingContext(bindingData);
        RetryContext = retryContext!;
        CancellationToken = cancellationToken;
    }

    public override string InvocationId { get; }

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new LocalTraceContext();

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext { get; }

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    public override CancellationToken CancellationToken { get; }
}
