using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>The Function App's HTTP functions as their attributes declare them: found by reflection, never listed by hand.</summary>
public static partial class HttpFunctions
{
    public sealed record Route(string Name, bool Public, string Method, string Template)
    {
        /// <summary>The template with every parameter filled: a panel id where one is named, "1" elsewhere.</summary>
        public string Path(string panelId, string token = "x") => "api/" + Parameter().Replace(Template, m => m.Groups[1].Value switch
        {
            "id" => panelId,
            "token" => token,
            "format" => "long",
            _ => "1",
        });

        public override string ToString() => $"{Method.ToUpperInvariant()} {Template} ({Name})";
    }

    public static IReadOnlyList<Route> All { get; } =
    [
        .. typeof(Tracker.Functions.ShowSurvey).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null), Public: m.GetCustomAttribute<Tracker.Engine.Access.PublicRouteAttribute>() is not null))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .SelectMany(f => (f.Trigger!.Methods ?? ["get"]).Select(method => new Route(f.Function!.Name, f.Public, method, f.Trigger.Route ?? f.Function.Name))),
    ];

    /// <summary>Every route not declared public: the app's gate decides who reaches it.</summary>
    public static IReadOnlyList<Route> Admin => [.. All.Where(r => !r.Public)];

    public static IReadOnlyList<Route> Anonymous => [.. All.Where(r => r.Public)];

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
