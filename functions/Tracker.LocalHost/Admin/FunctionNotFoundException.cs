namespace Tracker.LocalHost.Admin;

/// <summary>No function of that name is served by the host.</summary>
public sealed class FunctionNotFoundException : Exception
{
    public FunctionNotFoundException(string functionName)
        : base($"No function named '{functionName}' is served by this host.")
    {
        FunctionName = functionName;
    }

    public string FunctionName { get; }
}
