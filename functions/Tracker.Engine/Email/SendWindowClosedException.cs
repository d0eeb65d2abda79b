namespace Tracker.Engine.Email;

/// <summary>
/// The sender's claim would run out before this attempt could finish (it waited too long for a connection or for the
/// send rate): nothing was sent, and the claim must be given back rather than sent on, since another sender may take
/// the row over once the lease has passed.
/// </summary>
public sealed class SendWindowClosedException : Exception
{
    public SendWindowClosedException(string message, Exception inner) : base(message, inner)
    {
    }

    public SendWindowClosedException()
    {
    }

    public SendWindowClosedException(string message) : base(message)
    {
    }
}
