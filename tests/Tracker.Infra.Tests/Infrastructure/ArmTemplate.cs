using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>One app setting as the compiled template sets it. A prefix setting stands for a computed name (Links__Keys__{id}).</summary>
internal sealed record AppSetting(string Name, bool IsPrefix, ArmExpression Value)
{
    public bool Matches(string key) => IsPrefix ? key.StartsWith(Name, StringComparison.Ordinal) : key == Name;

    public override string ToString() => IsPrefix ? Name + "*" : Name;
}

/// <summary>A resource anywhere in the compiled template (nested module deployments included), with the scope its expressions live in.</summary>
internal sealed record ArmResource(string Type, string SymbolicName, JsonObject Body, ArmScope Scope)
{
    public JsonNode? Property(params string[] path)
    {
        JsonNode? node = Body["properties"];
        foreach (var segment in path)
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node;
    }
}

/// <summary>A template with the parameter values its deployment passed in and the scope those values were written in.</summary>
internal sealed record ArmScope(JsonObject Template, JsonObject? ParameterValues, ArmScope? Parent);

/// <summary>A value resolved as far as the template alone allows, with the scope nested expressions in it belong to.</summary>
internal sealed record Resolved(JsonNode? Node, ArmScope Scope);

/// <summary>
/// Reads the ARM JSON `bicep build` emits: walks module deployments, resolves parameters()/variables() to the literals
/// main.bicep wrote, and reads Function App settings whether Bicep emitted them as a JSON array or as one expression.
/// </summary>
internal sealed partial class ArmTemplate(JsonObject root)
{
    private readonly ArmScope rootScope = new(root, null, null);

    public IReadOnlyList<ArmResource> Resources => field ??= [.. Walk(rootScope)];

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public JsonObject? Outputs => root["outputs"] as JsonObject;

    public JsonObject? Parameters => root["parameters"] as JsonObject;

    /// <summary>The settings of every Microsoft.Web/sites resource (Tracker has exactly one).</summary>
    public IReadOnlyList<AppSetting> AppSettings(ArmResource site)
    {
        var node = site.Property("siteConfig", "appSettings")
            ?? throw new InvalidOperationException($"Site '{site.SymbolicName}' sets no siteConfig.appSettings.");
        var settings = new List<AppSetting>();
        CollectSettings(node, site.Scope, settings);
        return settings;
    }

    /// <summary>
    /// The names a resource declares: one for a plain resource, one per element for a copy loop over a list
    /// main.bicep spells out. Only the last name segment ("account/default/panels" → "panels"); null when not
    /// resolvable from the template alone (e.g. a name built from uniqueString()).
    /// </summary>
    public IReadOnlyList<string?> ChildNames(ArmResource resource)
    {
        var name = ArmExpression.FromJsonString(resource.Body["name"]!.GetValue<string>());
        var lastSegment = name.ArgumentsOf("format") is { } formatArguments && formatArguments[0] is ArmString
            ? formatArguments[^1]
            : name;

        if (resource.Body["copy"] is not JsonObject copy)
        {
            return [AsString(Resolve(lastSegment, resource.Scope))];
        }

        // copy.count is "[length(LIST)]" and the name ends in LIST[copyIndex()].
        var count = ArmExpression.FromJsonString(copy["count"]!.ToString());
        var list = count.ArgumentsOf("length")?[0]
            ?? throw new InvalidOperationException($"Copy loop of '{resource.SymbolicName}' is not over length(list): {copy["count"]}");
        if (lastSegment is not ArmIndex { Index: ArmCall { Name: "copyIndex" } } indexed || Render(indexed.Target) != Render(list))
        {
            throw new InvalidOperationException($"Copy loop of '{resource.SymbolicName}' does not name its resources list[copyIndex()]: {resource.Body["name"]}");
        }

        var items = Resolve(list, resource.Scope);
        return items.Node is JsonArray array
            ? [.. array.Select(item => AsString(ResolveNode(item, items.Scope)))]
            : throw new InvalidOperationException($"Cannot resolve the list '{Render(list)}' of '{resource.SymbolicName}' to literals.");
    }

    public static string? AsString(Resolved resolved) =>
        resolved.Node is JsonValue value && value.TryGetValue<string>(out var s) && !s.StartsWith('[') ? s : null;

    /// <summary>Resolves an expression to a literal where only parameters(), variables(), member access, indexing and format() stand in the way.</summary>
    public Resolved Resolve(ArmExpression expression, ArmScope scope)
    {
        switch (expression)
        {
            case ArmString s:
                return new Resolved(JsonValue.Create(s.Value), scope);
            case ArmNumber n:
                return new Resolved(JsonValue.Create(n.Value), scope);
            case ArmBoolean b:
                return new Resolved(JsonValue.Create(b.Value), scope);
            case ArmCall { Name: "parameters", Arguments: [ArmString { Value: var parameter }] }:
                if (scope.ParameterValues?[parameter] is JsonObject passed && scope.Parent is not null)
                {
                    return ResolveNode(passed["value"], scope.Parent);
                }

                return ResolveNode((scope.Template["parameters"]?[parameter] as JsonObject)?["defaultValue"], scope);
            case ArmCall { Name: "variables", Arguments: [ArmString { Value: var variable }] }:
                return ResolveNode(scope.Template["variables"]?[variable], scope);
            case ArmCall { Name: "format", Arguments: [ArmString format, ..] } call:
                var values = call.Arguments.Skip(1).Select(a => AsString(Resolve(a, scope))).ToArray();
                return values.All(v => v is not null)
                    ? new Resolved(JsonValue.Create(string.Format(CultureInfo.InvariantCulture, format.Value, values)), scope)
                    : new Resolved(null, scope);
            case ArmMember member:
                var target = Resolve(member.Target, scope);
                return target.Node is JsonObject obj ? ResolveNode(obj[member.Name], target.Scope) : new Resolved(null, scope);
            case ArmIndex { Index: ArmNumber index } indexed:
                var list = Resolve(indexed.Target, scope);
                return list.Node is JsonArray array && index.Value < array.Count
                    ? ResolveNode(array[(int)index.Value], list.Scope)
                    : new Resolved(null, scope);
            default:
                return new Resolved(null, scope);
        }
    }

    public Resolved ResolveNode(JsonNode? node, ArmScope scope) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? Resolve(ArmExpression.FromJsonString(text), scope)
            : new Resolved(node, scope);

    public static string Render(ArmExpression expression) => expression switch
    {
        ArmString s => $"'{s.Value.Replace("'", "''", StringComparison.Ordinal)}'",
        ArmNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        ArmBoolean b => b.Value ? "true" : "false",
        ArmNull => "null",
        ArmCall c => $"{c.Name}({string.Join(", ", c.Arguments.Select(Render))})",
        ArmMember m => $"{Render(m.Target)}.{m.Name}",
        ArmIndex i => $"{Render(i.Target)}[{Render(i.Index)}]",
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    private static IEnumerable<ArmResource> Walk(ArmScope scope)
    {
        // languageVersion 2.0 (user-defined types) keys resources by symbolic name; 1.0 lists them.
        var resources = scope.Template["resources"] switch
        {
            JsonObject byName => byName.Select(p => (p.Key, Body: p.Value as JsonObject)),
            JsonArray list => list.Select((r, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Body: r as JsonObject)),
            _ => [],
        };

        foreach (var (symbolicName, body) in resources)
        {
            if (body is null || body["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var type = body["type"]!.GetValue<string>();
            var resource = new ArmResource(type, symbolicName, body, scope);
            yield return resource;

            if (string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource.Property("template") is JsonObject nested)
            {
                var nestedScope = new ArmScope(nested, resource.Property("parameters") as JsonObject, scope);
                foreach (var inner in Walk(nestedScope))
                {
                    yield return inner;
                }
            }
        }
    }

    private void CollectSettings(JsonNode node, ArmScope scope, List<AppSetting> settings)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject setting)
                    {
                        settings.Add(ToSetting(Expr(setting["name"]), Expr(setting["value"]), scope));
                    }
                    else if (item is not null)
                    {
                        CollectSettings(item, scope, settings);
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                CollectSettings(ArmExpression.FromJsonString(text), scope, settings);
                break;
            default:
                throw new InvalidOperationException($"Unexpected appSettings shape: {node.ToJsonString()}");
        }
    }

    private void CollectSettings(ArmExpression expression, ArmScope scope, List<AppSetting> settings)
    {
        switch (expression)
        {
            case ArmCall { Name: "concat" or "createArray" or "union" } call:
                foreach (var argument in call.Arguments)
                {
                    CollectSettings(argument, scope, settings);
                }

                break;
            case ArmCall { Name: "createObject" } call:
                var pairs = Enumerable.Range(0, call.Arguments.Count / 2)
                    .ToDictionary(i => call.Arguments[2 * i] is ArmString key ? key.Value : "?", i => call.Arguments[(2 * i) + 1]);
                settings.Add(ToSetting(pairs["name"], pairs["value"], scope));
                break;
            case ArmCall { Name: "map", Arguments: [_, ArmCall { Name: "lambda", Arguments: [.., var body] }] }:
                // A setting per element of a list (Links__Keys__{id} per key id): the name is a prefix.
                CollectSettings(body, scope, settings);
                break;
            case ArmCall { Name: "parameters" or "variables" }:
                var resolved = Resolve(expression, scope);
                CollectSettings(resolved.Node ?? throw new InvalidOperationException($"Cannot resolve {Render(expression)}"), resolved.Scope, settings);
                break;
            default:
                throw new InvalidOperationException($"Cannot read app settings from {Render(expression)}");
        }
    }

    private AppSetting ToSetting(ArmExpression name, ArmExpression value, ArmScope scope)
    {
        if (name.ArgumentsOf("format") is [ArmString { Value: var format }, ..] && TrailingPlaceholder().Match(format) is { Success: true } match)
        {
            return new AppSetting(match.Groups["prefix"].Value, IsPrefix: true, value);
        }

        var literal = AsString(Resolve(name, scope))
            ?? throw new InvalidOperationException($"App setting name is neither a literal nor a 'prefix{{0}}' format: {Render(name)}");
        return new AppSetting(literal, IsPrefix: false, value);
    }

    private static ArmExpression Expr(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => ArmExpression.FromJsonString(s),
        null => new ArmNull(),
        _ => new ArmString(node.ToJsonString()),
    };

    [GeneratedRegex(@"^(?<prefix>[^{}]+)\{0\}$")]
    private static partial Regex TrailingPlaceholder();
}
