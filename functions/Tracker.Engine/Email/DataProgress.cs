using MailKit;

namespace Tracker.Engine.Email;

/// <summary>
/// Follows how much of a message's data MailKit has written, to tell a failure before the whole message went to the
/// server (nothing can have been accepted: safe to retry) from one after it (the server may have accepted it).
/// </summary>
internal sealed class DataProgress : ITransferProgress
{
    private long transferred;
    private long total;

    /// <summary>Whether all the message's data has been handed to the connection, so only the reply was outstanding.</summary>
    public bool Complete => Interlocked.Read(ref total) > 0 && Interlocked.Read(ref transferred) >= Interlocked.Read(ref total);

    /// <summary>Whether any of the data has been written (the server has said 354 and is reading).</summary>
    public bool Started => Interlocked.Read(ref transferred) > 0;

    public void Report(long bytesTransferred, long totalSize)
    {
        Interlocked.Exchange(ref total, totalSize);
        Interlocked.Exchange(ref transferred, bytesTransferred);
    }

    public void Report(long bytesTransferred) => Interlocked.Exchange(ref transferred, bytesTransferred);
}
