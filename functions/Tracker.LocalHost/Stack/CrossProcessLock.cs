using System.Security.Cryptography;
using System.Text;

namespace Tracker.LocalHost.Stack;

/// <summary>
/// A lock shared by every process on the machine (an exclusively opened file), so test projects running in
/// parallel do not run <c>npm ci</c> or <c>dotnet tool restore</c> over each other. The file stays behind:
/// deleting it on release would let two waiters lock two different files.
/// </summary>
internal sealed class CrossProcessLock : IDisposable
{
    private readonly FileStream _stream;

    private CrossProcessLock(FileStream stream) => _stream = stream;

    public static async Task<CrossProcessLock> AcquireAsync(string name, string scope, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"tracker-{name}-{hash}.lock");
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                return new CrossProcessLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (TimeProvider.System.GetElapsedTime(deadline) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new StackStartupException($"Timed out after {timeout} waiting for the lock '{path}' (another process is running {name}).", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
