using System.Reflection;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Discovery;

/// <summary>One discovered <c>[Function]</c> method and everything needed to run it.</summary>
public sealed class FunctionDescriptor
{
    internal FunctionDescriptor(
        string name,
        MethodInfo method,
        FunctionKind kind,
        IReadOnlyList<ParameterBinding> parameters,
        ReturnKind returnKind,
        HttpTriggerInfo? http,
        TimerTriggerInfo? timer,
        QueueTriggerInfo? queue)
    {
        Name = name;
        Method = method;
        Kind = kind;
        Parameters = parameters;
        ReturnKind = returnKind;
        Http = http;
        Timer = timer;
        Queue = queue;
    }

    public string Name { get; }

    public FunctionKind Kind { get; }

    public MethodInfo Method { get; }

    /// <summary>Set for HTTP functions: route, methods, auth level.</summary>
    public HttpTriggerInfo? Http { get; }

    /// <summary>Set for timer functions: the resolved schedule.</summary>
    public TimerTriggerInfo? Timer { get; }

    /// <summary>Set for queue functions: the resolved queue and connection.</summary>
    public QueueTriggerInfo? Queue { get; }

    /// <summary>The method's type and name, as the Functions host writes it in functions.metadata.</summary>
    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";

    internal IReadOnlyList<ParameterBinding> Parameters { get; }

    internal ReturnKind ReturnKind { get; }

    public override string ToString() => Kind switch
    {
        FunctionKind.Http => $"{Name}: [{(Http!.Methods.Count == 0 ? "*" : string.Join(",", Http.Methods))}] /{Http.Template} ({Http.AuthLevel})",
        FunctionKind.Timer => $"{Name}: timer '{Timer!.ScheduleExpression}'{(Timer.RunOnStartup ? " (run on startup)" : "")}",
        FunctionKind.Queue => $"{Name}: queue '{Queue!.QueueName}' ({Queue.ConnectionSetting})",
        _ => Name,
    };
}
