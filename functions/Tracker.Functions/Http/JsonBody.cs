using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracker.Web.Security;

namespace Tracker.Functions.Http;

/// <summary>
/// Reads a capped JSON request body. Anything that is not a JSON object of the expected shape becomes a refusal with a
/// message — 413 too large, 415 not JSON, 400 malformed — never an exception for a 500.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static string TooLarge => $"The body is larger than {MaxBytes / 1024} KiB; a panel definition is far smaller.";

    public static async Task<(T? Value, ObjectResult? Refusal)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblem.Of(StatusCodes.Status413PayloadTooLarge, TooLarge));
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.Of(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json)."));
        }

        using var limited = await CappedBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (limited is null) return (null, ApiProblem.Of(StatusCodes.Status413PayloadTooLarge, TooLarge));

        if (limited.Length == 0) return (null, ApiProblem.Of(StatusCodes.Status400BadRequest, "The body is empty; expected a JSON object."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(limited, Options, cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, ApiProblem.Of(StatusCodes.Status400BadRequest, "The body is JSON null; expected a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblem.Of(StatusCodes.Status400BadRequest, $"The body is not valid JSON for this request: {ex.Message}"));
        }
    }
}
