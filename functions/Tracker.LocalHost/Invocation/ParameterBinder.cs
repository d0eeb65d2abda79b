using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Tracker.LocalHost.Discovery;

namespace Tracker.LocalHost.Invocation;

/// <summary>Produces the argument array of one invocation from the bindings decided at discovery.</summary>
internal static class ParameterBinder
{
    public static async Task<object?[]> BindAsync(FunctionDescriptor function, TriggerInput input, FunctionContext context, CancellationToken cancellationToken)
    {
        var arguments = new object?[function.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var binding = function.Parameters[i];
            arguments[i] = binding.Source switch
            {
                ParameterSource.Body => await BodyAsync(function, binding, Http(input, function), cancellationToken).ConfigureAwait(false),
                ParameterSource.CancellationToken => cancellationToken,
                ParameterSource.FunctionContext => context,
                ParameterSource.HttpRequest => Http(input, function).Request,
                ParameterSource.HttpContext => Http(input, function),
                ParameterSource.RouteValue => RouteValue(function, binding, Http(input, function)),
                ParameterSource.TimerInfo => ((TimerTriggerInput)input).TimerInfo,
                ParameterSource.QueueMessage => QueueMessageConverter.Convert(((QueueTriggerInput)input).Message, binding.Type),
                ParameterSource.QueueMetadata => QueueMessageConverter.Metadata(((QueueTriggerInput)input).Message, binding.Key, binding.Type),
                _ => throw new InvalidOperationException($"Unknown parameter source {binding.Source}."),
            };
        }

        return arguments;
    }

    /// <summary>Trigger metadata by name, exposed on <see cref="FunctionContext.BindingContext"/>.</summary>
    public static IReadOnlyDictionary<string, object?> BindingData(TriggerInput input)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        switch (input)
        {
            case HttpTriggerInput http:
                foreach (var (key, value) in http.HttpContext.GetRouteData().Values)
                {
                    data[key] = value;
                }

                data["Query"] = http.HttpContext.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                break;
            case QueueTriggerInput queue:
                data["Id"] = queue.Message.MessageId;
                data["DequeueCount"] = queue.Message.DequeueCount;
                data["PopReceipt"] = queue.Message.PopReceipt;
                data["InsertionTime"] = queue.Message.InsertedOn;
                data["ExpirationTime"] = queue.Message.ExpiresOn;
                data["NextVisibleTime"] = queue.Message.NextVisibleOn;
                data["QueueTrigger"] = queue.Message.Body?.ToString();
                break;
            case TimerTriggerInput timer:
                data["TimerTrigger"] = timer.TimerInfo;
                break;
        }

        return data;
    }

    private static HttpContext Http(TriggerInput input, FunctionDescriptor function) =>
        input is HttpTriggerInput http
            ? http.HttpContext
            : throw new InvalidOperationException($"Function '{function.Name}' is an HTTP function and needs an HTTP request.");

    /// <summary>A [FromBody] parameter: the body as text for string, else JSON (web defaults, case-insensitive).</summary>
    private static async Task<object?> BodyAsync(FunctionDescriptor function, ParameterBinding binding, HttpContext http, CancellationToken cancellationToken)
    {
        if (binding.Type == typeof(string))
        {
            using var reader = new StreamReader(http.Request.Body, leaveOpen: true);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(http.Request.Body, binding.Type, JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ParameterBindingException($"The request body of function '{function.Name}' is not valid JSON for {binding.Type.Name}: {ex.Message}", ex);
        }
    }

    private static object? RouteValue(FunctionDescriptor function, ParameterBinding binding, HttpContext http)
    {
        var raw = http.GetRouteValue(binding.Key);
        if (raw is null && binding.HasDefault)
        {
            return binding.DefaultValue;
        }

        if (RouteValueConverter.TryConvert(raw, binding.Type, out var converted))
        {
            return converted;
        }

        throw new ParameterBindingException(
            $"Route value '{binding.Key}' ('{raw}') of function '{function.Name}' is not a valid {(Nullable.GetUnderlyingType(binding.Type) ?? binding.Type).Name}.");
    }
}
