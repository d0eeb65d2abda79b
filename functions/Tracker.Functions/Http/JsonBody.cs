using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tracker.Functions.Http;

/// <summary>Reads a capped JSON request body; malformed JSON becomes a message for a 400, never an exception for a 500.</summary>
public static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"The body is larger than {MaxBytes / 1024} KiB.");
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The body must be JSON (Content-Type: application/json).");
        }

        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited, cancellationToken).ConfigureAwait(false);
            if (limited.Length > MaxBytes) return (null, $"The body is larger than {MaxBytes / 1024} KiB.");
            if (limited.Length == 0) return (null, "The body is empty; expected a JSON object.");
            limited.Position = 0;
            return (await JsonSerializer.DeserializeAsync<T>(limited, Options, cancellationToken).ConfigureAwait(false), null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON for this request: {ex.Message}");
        }
    }
}
