using Microsoft.Extensions.Logging;

namespace Tracker.LocalHost.App;

/// <summary>How to run Tracker locally: which services to start or reuse, and how the API is served.</summary>
public sealed class TrackerStackOptions
{
    /// <summary>An existing storage account's connection string; null starts Azurite (in memory unless <see cref="PersistentStorageFolder"/>).</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Keep Azurite's data in this folder between runs.</summary>
    public string? PersistentStorageFolder { get; set; }

    /// <summary>An existing SMTP server as host:port; null starts smtp4dev.</summary>
    public string? SmtpEndpoint { get; set; }

    /// <summary>The API port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The master key (opens every keyed route and /admin); null generates one.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Named host keys (name → value), each revocable on its own: what a researcher or script should hold.</summary>
    public IDictionary<string, string> HostKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The link-signing key (base64, ≥ 32 bytes); null generates one, which is fine while storage is in memory.</summary>
    public string? LinkKey { get; set; }

    /// <summary>The clock timers and services run on (accelerated in the demo, fake in tests); null is the system clock.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Serve the development sign-in (<c>/.auth/login/dev</c>, loopback only): <c>tracker serve --dev-sign-in</c>.</summary>
    public bool DevSignIn { get; set; }

    public bool EnableTimers { get; set; } = true;

    public bool EnableQueueListeners { get; set; } = true;

    /// <summary>The host.json to honour; null is the repository's own (the one deployed). Tests point it at short retries.</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>App settings that override the local defaults (e.g. <c>DispatchSchedule</c>).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
