using System.Globalization;
using System.Text.Json;

namespace Tracker.LocalHost.Configuration;

/// <summary>The parts of host.json the local host honours.</summary>
public sealed record HostJsonSettings
{
    public string RoutePrefix { get; init; } = "api";

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int BatchSize { get; init; } = 16;

    /// <summary>Null when host.json does not say; the local host then polls more eagerly than Azure's one minute.</summary>
    public TimeSpan? MaxPollingInterval { get; init; }

    public static HostJsonSettings Default { get; } = new();

    /// <summary>Reads host.json; a missing path gives the Functions host defaults.</summary>
    public static HostJsonSettings Load(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return Default;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"host.json not found at '{path}'.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = Default;
        if (!document.RootElement.TryGetProperty("extensions", out var extensions))
        {
            return settings;
        }

        if (extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var prefix) && prefix.ValueKind == JsonValueKind.String)
        {
            settings = settings with { RoutePrefix = prefix.GetString()!.Trim('/') };
        }

        if (extensions.TryGetProperty("queues", out var queues))
        {
            if (queues.TryGetProperty("maxDequeueCount", out var max) && max.TryGetInt32(out var maxValue))
            {
                settings = settings with { MaxDequeueCount = maxValue };
            }

            if (queues.TryGetProperty("batchSize", out var batch) && batch.TryGetInt32(out var batchValue))
            {
                settings = settings with { BatchSize = batchValue };
            }

            if (TryTimeSpan(queues, "visibilityTimeout", out var visibility))
            {
                settings = settings with { VisibilityTimeout = visibility };
            }

            if (TryTimeSpan(queues, "maxPollingInterval", out var polling))
            {
                settings = settings with { MaxPollingInterval = polling };
            }
        }

        return settings;
    }

    private static bool TryTimeSpan(JsonElement parent, string name, out TimeSpan value)
    {
        value = default;
        return parent.TryGetProperty(name, out var element)
            && element.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(element.GetString(), CultureInfo.InvariantCulture, out value);
    }
}
