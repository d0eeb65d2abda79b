namespace Tracker.LocalHost.Stack;

/// <summary>A local service (Azurite, smtp4dev) did not start; the message says why and where its log is.</summary>
public sealed class StackStartupException : Exception
{
    public StackStartupException(string message)
        : base(message)
    {
    }

    public StackStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
