using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Access;

namespace Tracker.Web.Access;

/// <summary>
/// The first line of every admin function: who is calling, and do they hold the role the function declares with
/// <see cref="RequiresRoleAttribute"/> on its <c>Run</c> method (or more, for a part of the route that needs more)?
/// Null lets the function run; otherwise the 401/403 to answer. Either way the request's <see cref="AdminActivity"/>
/// is started, so the audit trail records the attempt.
/// </summary>
public sealed class AdminGate(CallerResolver resolver, ILogger<AdminGate> logger)
{
    private static readonly ConcurrentDictionary<Type, Role> Declared = new();

    public IActionResult? Refuse<TFunction>(HttpRequest request, AdminTarget target, Role? atLeast = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        var declared = DeclaredRole(typeof(TFunction));
        var required = atLeast is { } more && more > declared ? more : declared;
        var resolution = resolver.Resolve(PresentedCaller.Read(request));
        new AdminActivity(typeof(TFunction).Name, resolution.Caller, target).Attach(request.HttpContext);

        if (resolution.Caller is not { } caller)
        {
            if (resolution.KeysUnavailable) logger.LogWarning("Refused {Action}: a key was presented but the app's keys could not be read", typeof(TFunction).Name);
            return resolution.KeysUnavailable ? AdminProblem.KeysUnavailable(resolution.Why) : AdminProblem.SignInRequired(resolution.Why);
        }

        if (caller.Role is { } held && held.Includes(required)) return null;

        logger.LogInformation("Refused {Action}: needs {Required}, caller holds {Held} ({Method})", typeof(TFunction).Name, Roles.Name(required), caller.RoleName, caller.MethodName);
        return AdminProblem.Forbidden(required, caller, resolution.Why);
    }

    /// <summary>
    /// Whether a signed-in person (never a key: a key must not open a page in a browser, where it would end up in
    /// history) holds at least <paramref name="role"/>, for a page with another way in besides (the dashboard's signed
    /// link). No activity is started and nothing is answered here.
    /// </summary>
    public bool SignedInWith(HttpRequest request, Role role)
    {
        ArgumentNullException.ThrowIfNull(request);
        return resolver.Resolve(PresentedCaller.Read(request)).Caller is { Method: not CallerMethod.Key, Role: { } held } && held.Includes(role);
    }

    /// <summary>The role a function's <c>Run</c> declares; a function without one is treated as owner-only (a test keeps that from shipping).</summary>
    public static Role DeclaredRole(Type function) => Declared.GetOrAdd(function, static type =>
        type.GetMethod("Run", BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)?.GetCustomAttribute<RequiresRoleAttribute>()?.Role ?? Role.Owner);
}
