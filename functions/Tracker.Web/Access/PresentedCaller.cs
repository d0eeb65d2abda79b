using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Access;

namespace Tracker.Web.Access;

/// <summary>
/// What a request carries about its caller: the platform's principal headers, and a key (header <c>x-functions-key</c>
/// or query <c>code</c>, where Azure takes keys) which the app checks itself with <see cref="IFunctionKeyDirectory"/>.
/// The Functions host checks keys too, but it does not tell an isolated worker with ASP.NET Core integration which key
/// it admitted (it forwards the bare HTTP request), so its verdict cannot give a key its role. The check runs once per
/// request, before the function (<see cref="CheckKeyAsync"/>, called by the worker's middleware in Azure and by the
/// local host), and its result travels on the request.
/// </summary>
public static class PresentedCaller
{
    public const string KeyHeader = "x-functions-key";
    public const string KeyQuery = "code";

    public static PresentedCredentials Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = PresentedKey(request) is null
            ? null
            : request.HttpContext.Features.Get<KeyCheck>() ?? KeyCheck.Unavailable("the key was not checked: no key check ran before this function");
        return new PresentedCredentials(
            request.Headers[ClientPrincipal.Header].FirstOrDefault(),
            request.Headers[ClientPrincipal.IdentityProviderHeader].FirstOrDefault(),
            key);
    }

    /// <summary>Checks the key the request presents, if any, against the app's keys for <paramref name="functionName"/>.</summary>
    public static async Task CheckKeyAsync(HttpContext context, string functionName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PresentedKey(context.Request) is not { } key) return;
        var directory = context.RequestServices.GetService<IFunctionKeyDirectory>();
        var check = directory is null
            ? KeyCheck.Unavailable("this app has no key directory")
            : await directory.CheckAsync(key, functionName, cancellationToken).ConfigureAwait(false);
        context.Features.Set(check);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[KeyHeader].FirstOrDefault();
        var key = string.IsNullOrEmpty(header) ? request.Query[KeyQuery].FirstOrDefault() : header;
        return string.IsNullOrEmpty(key) ? null : key;
    }
}
