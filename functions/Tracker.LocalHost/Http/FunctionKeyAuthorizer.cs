using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Tracker.Web.Access;
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
    /// Whether the request may reach the function; a key it presented becomes, as in Azure, an identity on
    /// <see cref="HttpContext.User"/> with the claims <c>keyid</c> (the key's name) and <c>authlevel</c> (Admin for the
    /// master key, Function otherwise), which is how a function learns which key called it.
    /// With the development sign-in on, a signed-in person passes a Function-level route without a key.
    /// </summary>
    public bool IsAuthorized(HttpRequest request, AuthorizationLevel level, string functionName, bool signedIn = false)
    {
        var (presented, name) = keys.IdentifyNamed(PresentedKey(request), functionName);
        if (presented is not FunctionKeyKind.None)
        {
            request.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(PresentedCaller.KeyIdClaim, name!),
                    new Claim(PresentedCaller.AuthLevelClaim, presented is FunctionKeyKind.Master ? "Admin" : "Function"),
                ],
                PresentedCaller.KeyAuthenticationType));
        }

        if (level == AuthorizationLevel.Anonymous) return true;
        return level == AuthorizationLevel.Function
            ? presented is not FunctionKeyKind.None || signedIn
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
