using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracker.Engine.Common;
using Tracker.Web.Security;

namespace Tracker.Functions.Http;

/// <summary>
/// Reads a capped JSON request body. Anything that is not a JSON object of the expected shape becomes a refusal with a
/// message — 413 too large, 415 not JSON, 400 malformed — never an exception for a 500.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    private static string TooLarge => $"The body is larger than {MaxBytes / 1024} KiB; a panel definition is far smaller.";

    /// <summary>
    /// The body as a JSON tree for a reader that reports every shape problem by path (panel definitions, schedules);
    /// only syntax and size are refused here.
    /// </summary>
    public static async Task<(JsonElement Value, ObjectResult? Refusal)> ReadElementAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return (default, ApiProblem.Of(StatusCodes.Status413PayloadTooLarge, TooLarge));
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, ApiProblem.Of(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json)."));
        }

        using var limited = await CappedBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (limited is null) return (default, ApiProblem.Of(StatusCodes.Status413PayloadTooLarge, TooLarge));
        if (limited.Length == 0) return (default, ApiProblem.Of(StatusCodes.Status400BadRequest, "The body is empty; expected a JSON object."));
        try
        {
            using var document = await JsonDocument.ParseAsync(limited, default, cancellationToken).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Null
                ? (default, ApiProblem.Of(StatusCodes.Status400BadRequest, "The body is JSON null; expected a JSON object."))
                : (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, ApiProblem.Of(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {JsonSyntax.Describe(ex)}"));
        }
    }
}
