using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tracker.Web.Security;

/// <summary>
/// Reads a request body into memory only while it stays within a cap, counting the bytes actually read. Content-Length
/// is only a claim (a chunked body has none), so checking it alone lets any size through.
/// </summary>
public static class CappedBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The whole body, positioned at its start; null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (request.ContentLength > maxBytes) return null;

        // The server's own cap (Kestrel: 30,000,000 bytes) may differ from ours; ours is the one a caller documents.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverCap) serverCap.MaxRequestBodySize = maxBytes;

        var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    await buffer.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        buffer.Position = 0;
        return buffer;
    }
}
