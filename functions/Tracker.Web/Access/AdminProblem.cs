using Microsoft.AspNetCore.Mvc;
using Tracker.Engine.Access;

namespace Tracker.Web.Access;

/// <summary>The answers of a refused admin request, as <c>application/problem+json</c> (RFC 9457).</summary>
public static class AdminProblem
{
    public const string MediaType = "application/problem+json";

    /// <summary>401: the request proved no one (no key of this app, no sign-in the platform vouched for).</summary>
    public static ObjectResult SignInRequired(string? why = null) => Problem(401, "Sign-in required",
        $"Sign in (Microsoft Entra ID), or send a function key in the '{PresentedCaller.KeyHeader}' header{(why is null || why == CallerResolution.Nobody.Why ? "" : $" ({why})")}.", required: null, held: null);

    /// <summary>503: a key was presented but the app could not read its own keys to check it; the reason is for the operator.</summary>
    public static ObjectResult KeysUnavailable(string? why) => Problem(503, "Keys cannot be checked now",
        $"The key could not be checked: {why ?? "the app's keys could not be read"}.", required: null, held: null);

    /// <summary>403: the caller is known but their role is below the one the route needs.</summary>
    public static ObjectResult Forbidden(Role required, Caller caller, string? why) => Problem(403, "Forbidden",
        $"This needs the {Roles.Name(required)} role; {Describe(caller)} holds {(caller.Role is { } held ? "the " + Roles.Name(held) + " role" : "no role")}{(why is null ? "" : $" ({why})")}.",
        Roles.Name(required), caller.RoleName);

    private static string Describe(Caller caller) => caller.Method == CallerMethod.Key ? $"the key '{caller.Name["key:".Length..]}'" : "your sign-in";

    private static ObjectResult Problem(int status, string title, string detail, string? required, string? held)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (required is not null) body["requiredRole"] = required;
        if (held is not null) body["heldRole"] = held;
        var result = new ObjectResult(body) { StatusCode = status };
        result.ContentTypes.Add(MediaType);
        return result;
    }
}
