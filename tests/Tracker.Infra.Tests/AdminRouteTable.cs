using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Tracker.Engine.Access;

namespace Tracker.Tests.Access;

/// <summary>
/// Every admin HTTP function of the Function App (every one not declared <see cref="PublicRouteAttribute"/>) with the
/// role its <c>Run</c> declares, read by reflection: what the declaration test, the role tests and docs/api.md's table
/// all iterate.
/// </summary>
public static class AdminRouteTable
{
    public sealed record AdminRoute(string Function, string Method, string Route, IReadOnlyList<RequiresRoleAttribute> Declared, AuthorizationLevel HostLevel)
    {
        public Role Role => Declared.Single().Role;
    }

    public static Assembly FunctionApp => typeof(Tracker.Functions.CreatePanel).Assembly;

    public static IReadOnlyList<AdminRoute> Routes { get; } = [.. Read().OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];

    private static IEnumerable<AdminRoute> Read()
    {
        foreach (var method in FunctionApp.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function) continue;
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is null || method.GetCustomAttribute<PublicRouteAttribute>() is not null) continue;
            foreach (var verb in trigger.Methods ?? [])
            {
                yield return new AdminRoute(function.Name, verb.ToUpperInvariant(), trigger.Route ?? "", [.. method.GetCustomAttributes<RequiresRoleAttribute>()], trigger.AuthLevel);
            }
        }
    }

    /// <summary>The table docs/api.md carries between its role markers.</summary>
    public static string MarkdownTable()
    {
        var lines = new List<string> { "| method | route | function | least role |", "|---|---|---|---|" };
        lines.AddRange(Routes.Select(r => $"| {r.Method} | `/api/{r.Route}` | {r.Function} | {Roles.Name(r.Role)}{(r.Declared.Single().Note is { } note ? " (" + note + ")" : "")} |"));
        return string.Join('\n', lines);
    }
}
