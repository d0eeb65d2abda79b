using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace Tracker.LocalHost.Invocation;

/// <summary>Turns a (base64-decoded) queue message into the trigger parameter's type, as the queue extension does.</summary>
internal static class QueueMessageConverter
{
    public static bool CanBind(Type type) =>
        type == typeof(string)
        || type == typeof(BinaryData)
        || type == typeof(byte[])
        || type == typeof(QueueMessage)
        || (type.IsClass && !type.IsAbstract && type != typeof(object) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !type.Namespace!.StartsWith("System", StringComparison.Ordinal))
        || (type.IsValueType && !type.IsPrimitive && !type.IsEnum && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == false);

    public static object? Convert(QueueMessage message, Type type)
    {
        if (type == typeof(QueueMessage))
        {
            return message;
        }

        var body = message.Body ?? BinaryData.Empty;
        if (type == typeof(string))
        {
            return body.ToString();
        }

        if (type == typeof(BinaryData))
        {
            return body;
        }

        if (type == typeof(byte[]))
        {
            return body.ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize(body.ToMemory().Span, type, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The queue message {message.MessageId} is not valid JSON for {type.Name}: {ex.Message}", ex);
        }
    }

    public static bool CanBindMetadata(string name, Type type) => name switch
    {
        "id" or "popReceipt" or "queueTrigger" => type == typeof(string),
        "dequeueCount" => type == typeof(long) || type == typeof(int),
        _ => type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?),
    };

    public static object? Metadata(QueueMessage message, string name, Type type) => name switch
    {
        "id" => message.MessageId,
        "popReceipt" => message.PopReceipt,
        "queueTrigger" => message.Body?.ToString(),
        "dequeueCount" => type == typeof(int) ? (object)(int)message.DequeueCount : message.DequeueCount,
        "insertionTime" => type == typeof(DateTimeOffset) ? message.InsertedOn.GetValueOrDefault() : message.InsertedOn,
        "expirationTime" => type == typeof(DateTimeOffset) ? message.ExpiresOn.GetValueOrDefault() : message.ExpiresOn,
        "nextVisibleTime" => type == typeof(DateTimeOffset) ? message.NextVisibleOn.GetValueOrDefault() : message.NextVisibleOn,
        _ => null,
    };
}
