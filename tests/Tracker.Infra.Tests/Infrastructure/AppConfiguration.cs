using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tracker.Engine.Storage;

namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>A configuration key the app reads, and why (for failure messages).</summary>
internal sealed record AppKey(string Key, bool IsPrefix, string Source)
{
    public override string ToString() => (IsPrefix ? Key + "*" : Key) + "  (" + Source + ")";
}

/// <summary>A queue a [QueueTrigger] or [QueueOutput] names, with the connection it uses.</summary>
internal sealed record QueueBinding(string Queue, string? Connection, bool IsTrigger, string Function);

/// <summary>
/// The configuration keys the deployed app binds, derived by reflection from the code itself, never from a
/// hand-kept list:
/// <list type="bullet">
/// <item>every public type in the Tracker.* assemblies the Function App ships with a <c>public const string Section</c>
/// field: <c>{Section}__{Property}</c> for each public settable scalar property (nested option objects recurse), and a
/// prefix <c>{Section}__{Property}__</c> for dictionaries and lists;</item>
/// <item>the identity-based storage connection <c>{StorageNames.Connection}__tableServiceUri|blobServiceUri|queueServiceUri|credential|clientId</c>,
/// and the same for any other <c>Connection = "..."</c> a binding attribute names;</item>
/// <item>every <c>%Name%</c> placeholder in an attribute argument on the Function App's methods, parameters, return values and properties.</item>
/// </list>
/// </summary>
internal static partial class AppConfiguration
{
    public const string FunctionsAssemblyName = "Tracker.Functions";

    /// <summary>The five settings of an identity-based storage connection (the Functions extensions' and StorageClientRegistration's contract).</summary>
    public static readonly string[] IdentityConnectionSuffixes = ["tableServiceUri", "blobServiceUri", "queueServiceUri", "credential", "clientId"];

    public static Assembly FunctionsAssembly { get; } = Assembly.Load(new AssemblyName(FunctionsAssemblyName));

    /// <summary>Tracker.Functions and every Tracker.* assembly it ships with (its reference closure plus the Tracker.*.dll beside it).</summary>
    public static IReadOnlyList<Assembly> AppAssemblies { get; } = LoadAppAssemblies();

    public static IReadOnlyList<Type> OptionsTypes { get; } =
        [.. AppAssemblies.SelectMany(a => a.GetExportedTypes()).Where(t => SectionOf(t) is not null).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static IReadOnlyList<AppKey> Keys()
    {
        var keys = new List<AppKey>();
        foreach (var type in OptionsTypes)
        {
            // A nested section ("Tracker:Reports") is "Tracker__Reports" in app settings.
            AddProperties(type, SectionOf(type)!.Replace(":", "__", StringComparison.Ordinal), type.Name, keys, depth: 0);
        }

        foreach (var connection in Connections())
        {
            keys.AddRange(IdentityConnectionSuffixes.Select(suffix => new AppKey($"{connection}__{suffix}", false, $"storage connection '{connection}'")));
        }

        keys.AddRange(Placeholders().Select(p => new AppKey(p.Name, false, $"%{p.Name}% in {p.Where}")));
        return [.. keys.DistinctBy(k => (k.Key, k.IsPrefix))];
    }

    /// <summary>StorageNames.Connection plus every Connection named argument of a binding attribute in the Function App.</summary>
    public static IReadOnlySet<string> Connections() =>
        AttributeArguments()
            .Where(a => a.Argument == "Connection" && !string.IsNullOrEmpty(a.Value))
            .Select(a => a.Value)
            .Append(StorageNames.Connection)
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<(string Name, string Where)> Placeholders() =>
        [.. AttributeArguments()
            .SelectMany(a => Placeholder().Matches(a.Value).Select(m => (Name: m.Groups["name"].Value, a.Where)))
            .DistinctBy(p => p.Name)];

    public static IReadOnlyList<QueueBinding> QueueBindings()
    {
        var bindings = new List<QueueBinding>();
        foreach (var (member, attribute, where) in FunctionAttributes())
        {
            var attributeName = attribute.AttributeType.Name;
            if (attributeName is not ("QueueTriggerAttribute" or "QueueOutputAttribute"))
            {
                continue;
            }

            var queue = attribute.ConstructorArguments.Select(a => a.Value).OfType<string>().FirstOrDefault()
                ?? throw new InvalidOperationException($"{attributeName} on {where} names no queue.");
            var connection = attribute.NamedArguments.Where(n => n.MemberName == "Connection").Select(n => n.TypedValue.Value as string).FirstOrDefault();
            bindings.Add(new QueueBinding(queue, connection, attributeName == "QueueTriggerAttribute", where));
        }

        return bindings;
    }

    /// <summary>Names of the functions whose trigger is a [TimerTrigger].</summary>
    public static IReadOnlySet<string> TimerFunctionNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in FunctionAttributes().GroupBy(f => f.Member))
        {
            var function = group.FirstOrDefault(f => f.Attribute.AttributeType.FullName == "Microsoft.Azure.Functions.Worker.FunctionAttribute");
            if (function.Attribute is not null && group.Any(f => f.Attribute.AttributeType.Name == "TimerTriggerAttribute"))
            {
                names.Add((string)function.Attribute.ConstructorArguments[0].Value!);
            }
        }

        return names;
    }

    /// <summary>Function names from [Function("...")] in the Function App.</summary>
    public static IReadOnlySet<string> FunctionNames() =>
        FunctionAttributes()
            .Where(f => f.Attribute.AttributeType.FullName == "Microsoft.Azure.Functions.Worker.FunctionAttribute")
            .Select(f => (string)f.Attribute.ConstructorArguments[0].Value!)
            .ToHashSet(StringComparer.Ordinal);

    private static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    private static void AddProperties(Type type, string prefix, string source, List<AppKey> keys, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"Options nest too deeply at {prefix} ({source}).");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var key = $"{prefix}__{name}";
            var where = $"{source}.{property.Name}";
            var settable = property.SetMethod is { IsPublic: true };
            var propertyType = property.PropertyType;

            if (IsScalar(propertyType))
            {
                if (settable)
                {
                    keys.Add(new AppKey(key, false, where));
                }
            }
            else if (IsDictionaryOrList(propertyType))
            {
                // The binder fills dictionaries and lists through a setter or an existing instance.
                keys.Add(new AppKey(key + "__", true, where));
            }
            else if (propertyType.IsClass && propertyType != typeof(object))
            {
                AddProperties(propertyType, key, where, keys, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(Version);
    }

    private static bool IsDictionaryOrList(Type type) =>
        type != typeof(string) && (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type));

    private static IEnumerable<(MemberInfo Member, CustomAttributeData Attribute, string Where)> FunctionAttributes()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in FunctionsAssembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all))
            {
                var where = $"{type.Name}.{method.Name}";
                foreach (var attribute in method.GetCustomAttributesData())
                {
                    yield return (method, attribute, where);
                }

                foreach (var parameter in method.GetParameters().Append(method.ReturnParameter))
                {
                    foreach (var attribute in parameter.GetCustomAttributesData())
                    {
                        yield return (method, attribute, $"{where}({parameter.Name ?? "return"})");
                    }
                }
            }

            // Output bindings on the properties of a multi-output return type.
            foreach (var property in type.GetProperties(all))
            {
                foreach (var attribute in property.GetCustomAttributesData())
                {
                    yield return (property, attribute, $"{type.Name}.{property.Name}");
                }
            }
        }
    }

    private static IEnumerable<(string Argument, string Value, string Where)> AttributeArguments()
    {
        foreach (var (_, attribute, where) in FunctionAttributes())
        {
            var constructorParameters = attribute.Constructor.GetParameters();
            for (var i = 0; i < attribute.ConstructorArguments.Count; i++)
            {
                foreach (var value in Strings(attribute.ConstructorArguments[i]))
                {
                    yield return (constructorParameters[i].Name ?? "", value, where);
                }
            }

            foreach (var named in attribute.NamedArguments)
            {
                foreach (var value in Strings(named.TypedValue))
                {
                    yield return (named.MemberName, value, where);
                }
            }
        }
    }

    private static IEnumerable<string> Strings(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        string s => [s],
        IEnumerable<CustomAttributeTypedArgument> items => items.SelectMany(Strings),
        _ => [],
    };

    private static List<Assembly> LoadAppAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([FunctionsAssembly]);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "Tracker.*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!IsTestAssembly(name))
            {
                pending.Enqueue(Assembly.Load(new AssemblyName(name)));
            }
        }

        while (pending.TryDequeue(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("Tracker.", StringComparison.Ordinal) && !IsTestAssembly(name) && !found.ContainsKey(name))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return [.. found.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];
    }

    private static bool IsTestAssembly(string name) => name.EndsWith(".Tests", StringComparison.Ordinal);

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Placeholder();
}
