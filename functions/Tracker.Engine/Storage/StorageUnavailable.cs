using System.Net.Sockets;
using Azure;

namespace Tracker.Engine.Storage;

/// <summary>
/// Tells "storage is down or not answering" (worth a 503 and a retry later) from every other failure (a bug, which
/// should stay a 500). Caller cancellation is never an outage: the participant went away, nobody is waiting for a page.
/// </summary>
public static class StorageUnavailable
{
    public static bool Is(Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            // The SDK's retry policy gives up with an AggregateException of what each attempt threw.
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, callerToken)),

            // Status 0: no HTTP answer at all (the SDK wraps transport failures); 408 and 5xx: the service is struggling.
            RequestFailedException failed => failed.Status is 0 or 408 || failed.Status >= 500,

            // The SDK's network timeout surfaces as a cancellation the caller did not ask for.
            OperationCanceledException => !callerToken.IsCancellationRequested,
            HttpRequestException or SocketException or IOException or TimeoutException => true,
            _ => false,
        };
    }
}
