using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tracker.LocalHost.Http;

/// <summary>
/// Checks the key a request presents (header <c>x-functions-key</c> or query <c>code</c>, as Azure accepts function
/// keys) against the host's admin key. Locally one key stands for function, system and admin keys alike.
/// </summary>
internal sealed class FunctionKeyAuthorizer
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[] _expectedHash;

    public FunctionKeyAuthorizer(string adminKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminKey);
        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(adminKey));
    }

    public bool IsAuthorized(HttpRequest request)
    {
        var presented = request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName].FirstOrDefault();
        }

        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the key.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(presentedHash, _expectedHash);
    }

    public static Task WriteUnauthorizedAsync(HttpContext context) =>
        Results.Json(
                new { error = $"A valid function key is required: send it in the '{HeaderName}' header or the '{QueryName}' query parameter." },
                statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context);
}
