using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tracker.Engine.Forms;
using Tracker.Web.Pages;
using Tracker.Web.Security;

namespace Tracker.Web.Forms;

/// <summary>
/// Reads a participant page's posted form within limits no page of ours can exceed. A body over the byte cap (counted
/// as read, so a chunked body cannot slip past it) is a 413 page; anything else that is wrong — not a form, too many
/// or too long fields, a broken multipart body — is a null form, for the caller's 400 page, never an exception.
/// </summary>
public static class PostedForm
{
    /// <summary>The survey form: a few hundred short fields at most.</summary>
    public const long SurveyMaxBytes = 64 * 1024;

    // The parser's own limits bound the work within the byte cap: at most 256 fields of 100 + 1,000 characters.
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

    /// <summary>The form, or (when the body is over <paramref name="maxBytes"/>) the 413 page to return; both null for a malformed post.</summary>
    public static async Task<(IFormCollection? Form, HtmlPage? TooLarge)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType) return (null, null);

        var original = request.Body;
        try
        {
            await using var body = await CappedBody.ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
            if (body is null) return (null, TooLargePage(maxBytes));

            // The parser reads what was already counted, never the connection.
            request.Body = body;
            return (await new FormFeature(request, Limits).ReadFormAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, null);
        }
        finally
        {
            request.Body = original;
        }
    }

    /// <summary>The form, or null for anything that is not a form within the limits (a body over the cap included).</summary>
    public static async Task<IFormCollection?> TryReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken) =>
        (await ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false)).Form;

    /// <summary>A survey form as the engine reads it: every value in order (a repeated name stays repeated), and whether files came.</summary>
    public static PostedAnswers Answers(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in form)
        {
            if (values.Count == 0) fields.Add(new(name, string.Empty));
            foreach (var value in values) fields.Add(new(name, value ?? string.Empty));
        }

        return new PostedAnswers(fields, form.Files.Count > 0);
    }

    /// <summary>A small form as name → value; a repeated field's values are joined with commas, as ASP.NET Core shows them.</summary>
    public static IReadOnlyDictionary<string, string> Fields(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>413: a post far larger than any form of ours; nothing of it was kept.</summary>
    public static HtmlPage TooLargePage(long maxBytes) => ProblemPage.Page(StatusCodes.Status413PayloadTooLarge,
        "This form was too large",
        $"What was sent is too large to be a form of ours (more than {maxBytes / 1024} KiB), so nothing was saved.\n\nPlease open the link from your email again and resubmit the form.");
}
