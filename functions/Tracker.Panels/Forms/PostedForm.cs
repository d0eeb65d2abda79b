using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tracker.Panels.Forms;

/// <summary>
/// Reads a participant page's posted form within limits no page of ours can exceed. Anything else — not a form, too
/// large, too many or too long fields, a broken multipart body — is null, for the caller's 400 page, never an exception.
/// </summary>
public static class PostedForm
{
    /// <summary>The survey form: a few hundred short fields at most.</summary>
    public const long SurveyMaxBytes = 64 * 1024;

    // Bounds the work even for a chunked body without Content-Length: at most 256 fields of 100 + 1,000 characters.
    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 256,
        KeyLengthLimit = 100,
        ValueLengthLimit = 1000,
        MultipartBodyLengthLimit = SurveyMaxBytes,
        MultipartHeadersCountLimit = 8,
        MultipartHeadersLengthLimit = 2048,
        BufferBody = false,
    };

    public static async Task<IFormCollection?> TryReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes || !request.HasFormContentType) return null;
        try
        {
            return await new FormFeature(request, Limits).ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }
}
