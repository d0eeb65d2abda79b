using System.Reflection;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;
using Microsoft.Extensions.Configuration;
using Tracker.LocalHost.Configuration;
using Tracker.LocalHost.Invocation;
using Tracker.LocalHost.Timers;

namespace Tracker.LocalHost.Discovery;

/// <summary>
/// Finds the <c>[Function]</c> methods of the given assemblies and decides, once, how each is triggered and how
/// each parameter is bound. Everything comes from the attributes, so a new function is served without a second list;
/// anything the local host cannot do faithfully is a start-up error naming the function and parameter.
/// </summary>
public static class FunctionDiscovery
{
    private static readonly string[] QueueMetadataNames = ["id", "dequeueCount", "popReceipt", "insertionTime", "expirationTime", "nextVisibleTime", "queueTrigger"];

    /// <summary>Discovers the functions of every class in the assemblies (optionally only classes passing <paramref name="typeFilter"/>).</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(
        IEnumerable<Assembly> assemblies, IConfiguration configuration, HostJsonSettings hostJson, Func<Type, bool>? typeFilter = null)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var types = assemblies.Distinct().SelectMany(GetLoadableTypes).Where(t => typeFilter is null || typeFilter(t));
        return Discover(types, configuration, hostJson);
    }

    /// <summary>Discovers the functions of the given classes.</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Type> types, IConfiguration configuration, HostJsonSettings hostJson)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(hostJson);

        var result = new List<FunctionDescriptor>();
        var names = new Dictionary<string, MethodInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types.Where(t => t.IsClass && !t.IsGenericTypeDefinition).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                if (names.TryGetValue(function.Name, out var existing))
                {
                    throw new FunctionDiscoveryException(
                        $"Function name '{function.Name}' is used by both {existing.DeclaringType!.FullName}.{existing.Name} and {type.FullName}.{method.Name}; function names must be unique.");
                }

                if (type.IsAbstract && !method.IsStatic)
                {
                    throw new FunctionDiscoveryException($"Function '{function.Name}' is an instance method of abstract class {type.FullName}.");
                }

                names.Add(function.Name, method);
                result.Add(Describe(function.Name, method, configuration, hostJson));
            }
        }

        return result;
    }

    private static IEnumerable<Type> GetLoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method, IConfiguration configuration, HostJsonSettings hostJson)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new FunctionDiscoveryException($"Function '{name}' is a generic method, which the Functions host cannot call.");
        }

        var outputBinding = method.GetCustomAttributes().OfType<OutputBindingAttribute>().FirstOrDefault()
            ?? method.ReturnParameter.GetCustomAttributes().OfType<OutputBindingAttribute>().FirstOrDefault();
        if (outputBinding is not null)
        {
            throw new FunctionDiscoveryException(
                $"Function '{name}' uses the output binding {outputBinding.GetType().Name}, which the local host does not support; write through an injected client instead.");
        }

        var parameters = method.GetParameters();
        var triggers = parameters.Where(p => p.GetCustomAttributes().OfType<TriggerBindingAttribute>().Any()).ToList();
        if (triggers.Count != 1)
        {
            throw new FunctionDiscoveryException($"Function '{name}' must have exactly one trigger parameter; it has {triggers.Count}.");
        }

        var trigger = triggers[0];
        var triggerAttribute = trigger.GetCustomAttributes().OfType<TriggerBindingAttribute>().Single();
        return triggerAttribute switch
        {
            HttpTriggerAttribute http => DescribeHttp(name, method, parameters, trigger, http, configuration, hostJson),
            TimerTriggerAttribute timer => DescribeTimer(name, method, parameters, trigger, timer, configuration),
            QueueTriggerAttribute queue => DescribeQueue(name, method, parameters, trigger, queue, configuration),
            _ => throw new FunctionDiscoveryException(
                $"Function '{name}' parameter '{trigger.Name}' uses trigger {triggerAttribute.GetType().Name}; the local host serves HTTP, timer and queue triggers only."),
        };
    }

    private static FunctionDescriptor DescribeHttp(
        string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, HttpTriggerAttribute attribute, IConfiguration configuration, HostJsonSettings hostJson)
    {
        if (trigger.ParameterType != typeof(HttpRequest))
        {
            throw new FunctionDiscoveryException(
                $"Function '{name}' parameter '{trigger.Name}' is {trigger.ParameterType.Name}; the local host supports the ASP.NET Core integration, whose HTTP trigger binds Microsoft.AspNetCore.Http.HttpRequest.");
        }

        var route = string.IsNullOrWhiteSpace(attribute.Route)
            ? name
            : AppSettingResolver.Resolve(attribute.Route, configuration, name, "route").Trim('/');
        var template = string.IsNullOrEmpty(hostJson.RoutePrefix) ? route : $"{hostJson.RoutePrefix}/{route}";

        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(template);
        }
        catch (RoutePatternException ex)
        {
            throw new FunctionDiscoveryException($"Function '{name}' has an invalid route template '{route}': {ex.Message}", ex);
        }

        var routeParameters = pattern.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var methods = (attribute.Methods ?? [])
            .Where(m => !string.IsNullOrWhiteSpace(m))
            .Select(m => m.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        var bindings = parameters.Select(p =>
        {
            if (p == trigger)
            {
                return Binding(p, ParameterSource.HttpRequest);
            }

            if (p.ParameterType == typeof(HttpContext))
            {
                return Binding(p, ParameterSource.HttpContext);
            }

            if (TryCommon(p, out var common))
            {
                return common;
            }

            if (p.GetCustomAttribute<FromBodyAttribute>() is not null || p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromBodyAttribute>() is not null)
            {
                return Binding(p, ParameterSource.Body);
            }

            if (routeParameters.TryGetValue(p.Name!, out var routeParameter))
            {
                if (!RouteValueConverter.CanConvert(p.ParameterType))
                {
                    throw Unsupported(name, p, $"route value '{routeParameter.Name}' cannot be converted to {p.ParameterType.Name}");
                }

                return Binding(p, ParameterSource.RouteValue, routeParameter.Name);
            }

            throw Unsupported(name, p, "it is neither the trigger, a route value of '" + route + "', a [FromBody] parameter, a CancellationToken, HttpContext nor FunctionContext");
        }).ToList();

        var returnKind = ClassifyReturn(name, method, http: true);
        var info = new HttpTriggerInfo(route, template, methods, attribute.AuthLevel);
        return new FunctionDescriptor(name, method, FunctionKind.Http, bindings, returnKind, info, null, null);
    }

    private static FunctionDescriptor DescribeTimer(
        string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, TimerTriggerAttribute attribute, IConfiguration configuration)
    {
        if (trigger.ParameterType != typeof(TimerInfo))
        {
            throw Unsupported(name, trigger, "a timer trigger binds Microsoft.Azure.Functions.Worker.TimerInfo");
        }

        var expression = AppSettingResolver.Resolve(attribute.Schedule ?? string.Empty, configuration, name, "schedule");
        TimerSchedule schedule;
        try
        {
            schedule = TimerSchedule.Parse(expression);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new FunctionDiscoveryException($"Function '{name}': {ex.Message}", ex);
        }

        var bindings = parameters.Select(p =>
        {
            if (p == trigger)
            {
                return Binding(p, ParameterSource.TimerInfo);
            }

            return TryCommon(p, out var common)
                ? common
                : throw Unsupported(name, p, "a timer function can take TimerInfo, FunctionContext and CancellationToken");
        }).ToList();

        var returnKind = ClassifyReturn(name, method, http: false);
        return new FunctionDescriptor(name, method, FunctionKind.Timer, bindings, returnKind, null, new TimerTriggerInfo(expression, schedule, attribute.RunOnStartup), null);
    }

    private static FunctionDescriptor DescribeQueue(
        string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, QueueTriggerAttribute attribute, IConfiguration configuration)
    {
        if (!QueueMessageConverter.CanBind(trigger.ParameterType))
        {
            throw Unsupported(name, trigger, "a queue trigger binds string, BinaryData, byte[], QueueMessage or a JSON-deserializable class");
        }

        var queueName = AppSettingResolver.Resolve(attribute.QueueName ?? string.Empty, configuration, name, "queue name").ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(queueName))
        {
            throw new FunctionDiscoveryException($"Function '{name}' has an empty queue name.");
        }

        var connection = string.IsNullOrWhiteSpace(attribute.Connection)
            ? "AzureWebJobsStorage"
            : AppSettingResolver.Resolve(attribute.Connection, configuration, name, "connection");

        var bindings = parameters.Select(p =>
        {
            if (p == trigger)
            {
                return Binding(p, ParameterSource.QueueMessage);
            }

            if (TryCommon(p, out var common))
            {
                return common;
            }

            var metadata = QueueMetadataNames.FirstOrDefault(n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase));
            if (metadata is not null && QueueMessageConverter.CanBindMetadata(metadata, p.ParameterType))
            {
                return Binding(p, ParameterSource.QueueMetadata, metadata);
            }

            throw Unsupported(name, p, "a queue function can take the message, FunctionContext, CancellationToken and the metadata id, dequeueCount, popReceipt, insertionTime, expirationTime, nextVisibleTime");
        }).ToList();

        var returnKind = ClassifyReturn(name, method, http: false);
        return new FunctionDescriptor(name, method, FunctionKind.Queue, bindings, returnKind, null, null, new QueueTriggerInfo(queueName, connection, trigger.ParameterType));
    }

    private static bool TryCommon(ParameterInfo parameter, out ParameterBinding binding)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            binding = Binding(parameter, ParameterSource.CancellationToken);
            return true;
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            binding = Binding(parameter, ParameterSource.FunctionContext);
            return true;
        }

        binding = null!;
        return false;
    }

    private static ParameterBinding Binding(ParameterInfo parameter, ParameterSource source, string? key = null) =>
        new(parameter.Name!, parameter.ParameterType, source, key ?? parameter.Name!, parameter.HasDefaultValue, parameter.HasDefaultValue ? parameter.DefaultValue : null);

    private static FunctionDiscoveryException Unsupported(string function, ParameterInfo parameter, string why) =>
        new($"Function '{function}' parameter '{parameter.Name}' of type {parameter.ParameterType.FullName} is not supported by the local host: {why}.");

    private static ReturnKind ClassifyReturn(string name, MethodInfo method, bool http)
    {
        var type = AwaitableUnwrapper.ResultType(method.ReturnType);
        if (type is null)
        {
            return ReturnKind.None;
        }

        if (http && typeof(IActionResult).IsAssignableFrom(type))
        {
            return ReturnKind.ActionResult;
        }

        if (http && typeof(IResult).IsAssignableFrom(type))
        {
            return ReturnKind.Result;
        }

        var allowed = http ? "void, IActionResult or IResult (optionally in Task/ValueTask)" : "void, Task or ValueTask (output bindings are not supported)";
        throw new FunctionDiscoveryException($"Function '{name}' returns {method.ReturnType.Name}; the local host supports {allowed}.");
    }
}
