using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Http;

/// <summary>
/// Checks the key a request presents (header <c>x-functions-key</c> or query <c>code</c>, as Azure accepts keys)
/// against the level of the function it is for, as Azure does: Anonymous needs no key; Function takes a key of that
/// function, any host key or the master key; every other level (Admin, System, User) takes the master key only.
/// </summary>
internal sealed class FunctionKeyAuthorizer(FunctionKeyStore keys)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    /// <summary>
    /// Whether the request may reach the function, as Azure's host decides it. Like Azure's host, this one does not
    /// pass the function the name of the key it admitted (the app checks a key itself, through its key directory), and
    /// a signed-in person does not pass a Function-level route without a key.
    /// </summary>
    public bool IsAuthorized(HttpRequest request, AuthorizationLevel level, string functionName)
    {
        if (level == AuthorizationLevel.Anonymous) return true;
        var presented = keys.Identify(PresentedKey(request), functionName);
        return level == AuthorizationLevel.Function
            ? presented is not FunctionKeyKind.None
            : presented is FunctionKeyKind.Master;
    }

    /// <summary>The admin API (<c>/admin/...</c>): the master key only, as in Azure.</summary>
    public bool IsMaster(HttpRequest request) => keys.Identify(PresentedKey(request), "") is FunctionKeyKind.Master;

    public static Task WriteUnauthorizedAsync(HttpContext context, AuthorizationLevel level) =>
        Results.Json(
                new
                {
                    error = level == AuthorizationLevel.Function
                        ? $"A valid function key is required: a key of this function, a host key or the master key, in the '{HeaderName}' header or the '{QueryName}' query parameter."
                        : $"This route is {level} level and takes the master key only, in the '{HeaderName}' header or the '{QueryName}' query parameter.",
                },
                statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context);

    private static string? PresentedKey(HttpRequest request)
    {
        var presented = request.Headers[HeaderName].FirstOrDefault();
        return string.IsNullOrEmpty(presented) ? request.Query[QueryName].FirstOrDefault() : presented;
    }
}
