namespace Tracker.Functions;

/// <summary>A dispatch queue message that is JSON but no batch: thrown so the message ends in the poison queue, not silently dropped.</summary>
public sealed class InvalidDispatchBatchException : Exception
{
    public InvalidDispatchBatchException()
        : base("The dispatch queue message is not a batch (it needs a panelId, a wave of 1 or more and items).")
    {
    }

    public InvalidDispatchBatchException(string message)
        : base(message)
    {
    }

    public InvalidDispatchBatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
