namespace Tracker.LocalHost.Invocation;

/// <summary>A trigger value that cannot be bound to its parameter (e.g. route value "abc" for an int): the caller's fault.</summary>
public sealed class ParameterBindingException : Exception
{
    public ParameterBindingException(string message)
        : base(message)
    {
    }

    public ParameterBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
