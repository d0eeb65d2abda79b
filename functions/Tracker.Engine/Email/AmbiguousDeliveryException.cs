namespace Tracker.Engine.Email;

/// <summary>
/// The message's data went to the server but no reply came back (the connection dropped, or the attempt timed out,
/// after the terminating dot): the server may have accepted it. Never retried on its own, since a retry could deliver
/// a second copy; the ledger records the outcome as unknown.
/// </summary>
public sealed class AmbiguousDeliveryException : Exception
{
    public AmbiguousDeliveryException(string message, Exception inner) : base(message, inner)
    {
    }

    public AmbiguousDeliveryException()
    {
    }

    public AmbiguousDeliveryException(string message) : base(message)
    {
    }
}
