using System.Net;
using System.Net.Http.Headers;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>
/// A body whose length is not known in advance, so HttpClient sends it chunked with no Content-Length: what a client
/// that wants to slip past a check of the declared length would send.
/// </summary>
public sealed class UnsizedContent : HttpContent
{
    private readonly byte[] bytes;

    public UnsizedContent(byte[] bytes, string mediaType)
    {
        this.bytes = bytes;
        Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // In pieces, as a streaming client would write them; the server sees each as a chunk.
        for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
