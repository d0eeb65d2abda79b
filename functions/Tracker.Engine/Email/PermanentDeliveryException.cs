namespace Tracker.Engine.Email;

/// <summary>The server refused a message for good (5xx): retrying would not help, the failure is recorded instead.</summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException(string message, Exception inner) : base(message, inner)
    {
    }

    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message) : base(message)
    {
    }
}
