using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Tracker.Engine.Access;

namespace Tracker.LocalHost.Http;

/// <summary>
/// The local stand-in for App Service Authentication. Always: a client's own <c>X-MS-CLIENT-*</c> headers are removed
/// before anything sees the request, as the platform removes them. With the development sign-in on
/// (<c>tracker serve --dev-sign-in</c>, loopback only): <c>/.auth/login/dev</c> lets you pick a name and roles and
/// sets a signed cookie, which each request turns into the <c>X-MS-CLIENT-PRINCIPAL</c> header the platform would
/// write (identity provider <c>dev</c>); <c>/.auth/logout</c> clears it.
/// </summary>
internal sealed class DevSignIn(bool enabled)
{
    public const string CookieName = "tracker-dev-sign-in";
    public const string LoginPath = "/.auth/login/dev";
    public const string LogoutPath = "/.auth/logout";

    // A key per process: a cookie from an earlier run, or one written by hand, does not verify.
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    public bool Enabled { get; } = enabled;

    /// <summary>Runs before routing: strips the platform's headers, then writes them from the cookie when signed in.</summary>
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        foreach (var name in context.Request.Headers.Keys.Where(k => k.StartsWith(ClientPrincipal.HeaderPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            context.Request.Headers.Remove(name);
        }

        if (Enabled && Read(context.Request.Cookies[CookieName]) is { } who)
        {
            context.Request.Headers[ClientPrincipal.Header] = ClientPrincipal.Encode("dev", who.Name, who.Roles, who.Tenant);
            context.Request.Headers[ClientPrincipal.IdentityProviderHeader] = "dev";
            context.Request.Headers[ClientPrincipal.HeaderPrefix + "PRINCIPAL-NAME"] = who.Name;
        }

        return next(context);
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (!Enabled) return;
        endpoints.MapGet(LoginPath, (HttpContext context) => Page(context, Redirect(context.Request.Query["post_login_redirect_uri"].FirstOrDefault()), problem: null));
        endpoints.MapPost(LoginPath, (Func<HttpContext, Task<IResult>>)SignInAsync);
        endpoints.MapMethods(LogoutPath, ["GET", "POST"], (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect(Redirect(context.Request.Query["post_logout_redirect_uri"].FirstOrDefault()));
        });
    }

    private async Task<IResult> SignInAsync(HttpContext context)
    {
        // Another site's page must not sign this browser in as someone (login forgery): only this origin's form posts.
        if (context.Request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin
            && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The sign-in form must be posted from this server's own page.");
        }

        if (!context.Request.HasFormContentType) return Page(context, "/", "Send the sign-in form.", StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var redirect = Redirect(form["redirect"].FirstOrDefault());
        var name = (form["name"].FirstOrDefault() ?? "").Trim();
        if (name.Length is 0 or > 100) return Page(context, redirect, "Give a name of 1 to 100 characters.", StatusCodes.Status400BadRequest);
        var roles = form["roles"].Where(r => r is not null).Select(r => r!.Trim().ToLowerInvariant()).Where(r => r.Length is > 0 and <= 40).Distinct().Take(8).ToList();
        var tenant = (form["tenant"].FirstOrDefault() ?? "").Trim();

        var who = new SignedIn(name, roles, tenant.Length == 0 ? null : tenant[..Math.Min(tenant.Length, 100)]);
        context.Response.Cookies.Append(CookieName, Write(who), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", Secure = context.Request.IsHttps });
        return Results.Redirect(redirect);
    }

    /// <summary>Only a path on this server: an absolute or protocol-relative URL would make the page an open redirect.</summary>
    private static string Redirect(string? requested) =>
        requested is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";

    private static IResult Page(HttpContext context, string redirect, string? problem, int status = StatusCodes.Status200OK)
    {
        var html = HtmlEncoder.Default;
        var boxes = string.Concat(Roles.All.Reverse().Select(role =>
        {
            var name = Roles.Name(role);
            return $"""
                    <div><input type="checkbox" id="role-{name}" name="roles" value="{name}"><label for="role-{name}">{name}</label></div>

            """;
        }));
        var error = problem is null ? "" : $"""<p role="alert">{html.Encode(problem)}</p>""";
        var page = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Development sign-in – Tracker</title>
            </head>
            <body>
            <main>
            <h1>Development sign-in</h1>
            <p>This stands in for Microsoft Entra ID on this machine only: pick a name and the roles to act with. Owner includes manager, manager includes analyst, analyst includes viewer.</p>
            {error}
            <form method="post" action="{LoginPath}">
            <input type="hidden" name="redirect" value="{html.Encode(redirect)}">
            <div><label for="name">Name</label> <input type="text" id="name" name="name" required maxlength="100" autocomplete="name"></div>
            <fieldset>
            <legend>Roles</legend>
            {boxes}
            </fieldset>
            <div><label for="tenant">Tenant id (optional)</label> <input type="text" id="tenant" name="tenant" maxlength="100"></div>
            <button type="submit">Sign in</button>
            </form>
            <p><a href="{LogoutPath}">Sign out</a></p>
            </main>
            </body>
            </html>
            """;
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private string Write(SignedIn who)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(who);
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, payload));
    }

    private SignedIn? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Split('.') is not [var body, var mac]) return null;
        try
        {
            var payload = WebEncoders.Base64UrlDecode(body);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), WebEncoders.Base64UrlDecode(mac))) return null;
            return JsonSerializer.Deserialize<SignedIn>(payload);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record SignedIn(string Name, IReadOnlyList<string> Roles, string? Tenant);

    /// <summary>The development sign-in is for this machine only: a page that makes anyone an owner must not face a network.</summary>
    public static void EnsureLoopback(IPAddress address)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The development sign-in lets anyone act as any role, so it listens on loopback only; {address} is not loopback.", nameof(address));
        }
    }
}
