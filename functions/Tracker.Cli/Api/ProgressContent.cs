using System.Net;
using System.Net.Http.Headers;

namespace Tracker.Cli.Api;

/// <summary>An upload body that reports how many bytes have gone out, so a progress bar can follow a large file.</summary>
public sealed class ProgressContent(Stream source, long byteCount, string mediaType, Action<long>? progress) : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    public ProgressContent Init()
    {
        Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        Headers.ContentLength = byteCount;
        return this;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        long sent = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            progress?.Invoke(sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = byteCount;
        return true;
    }
}
