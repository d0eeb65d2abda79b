namespace Tracker.LocalHost.Discovery;

/// <summary>A function the local host cannot serve faithfully; thrown at start-up rather than at the first request.</summary>
public sealed class FunctionDiscoveryException : Exception
{
    public FunctionDiscoveryException(string message)
        : base(message)
    {
    }

    public FunctionDiscoveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
