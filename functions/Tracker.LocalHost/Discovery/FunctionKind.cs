namespace Tracker.LocalHost.Discovery;

/// <summary>The trigger that starts a function.</summary>
public enum FunctionKind
{
    Http,
    Timer,
    Queue,
}
