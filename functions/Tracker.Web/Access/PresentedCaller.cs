using Microsoft.AspNetCore.Http;
using Tracker.Engine.Access;

namespace Tracker.Web.Access;

/// <summary>
/// What a request carries about its caller, read where each host puts it: the platform's principal headers, and the key
/// the Functions host admitted as claims on the request's principal (<c>keyid</c>: its name; <c>authlevel</c>: Admin
/// for the master key). The local host writes the same claims.
/// </summary>
public static class PresentedCaller
{
    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    /// <summary>The authentication type the Functions host gives a key's identity.</summary>
    public const string KeyAuthenticationType = "WebJobsAuthLevel";

    public static PresentedCredentials Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.HttpContext.User;
        var keyName = user.FindFirst(KeyIdClaim)?.Value;
        var level = user.FindFirst(AuthLevelClaim)?.Value;
        return new PresentedCredentials(
            request.Headers[ClientPrincipal.Header].FirstOrDefault(),
            request.Headers[ClientPrincipal.IdentityProviderHeader].FirstOrDefault(),
            keyName,
            string.Equals(level, "Admin", StringComparison.OrdinalIgnoreCase));
    }
}
