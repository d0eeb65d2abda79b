using System.Globalization;
using System.Security.Cryptography;
using Tracker.Functions;
using Tracker.LocalHost.Stack;
using Tracker.Web;
using Tracker.Engine.Storage;

namespace Tracker.LocalHost.App;

/// <summary>
/// Tracker running on this machine: Azurite and smtp4dev (or services given), and the Function App's own classes
/// served by <see cref="LocalFunctionHost"/> with the same service registration as in Azure.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The local stack (Azurite, smtp4dev, the host) is what the type is; it is no Stack<T>.")]
public sealed class TrackerStack : IAsyncDisposable
{
    private TrackerStack(LocalFunctionHost host, AzuriteServer? azurite, Smtp4devServer? smtp4dev, string storageConnectionString, string smtpHost, int smtpPort)
    {
        Host = host;
        Azurite = azurite;
        Smtp4dev = smtp4dev;
        StorageConnectionString = storageConnectionString;
        SmtpHost = smtpHost;
        SmtpPort = smtpPort;
    }

    public LocalFunctionHost Host { get; }

    public AzuriteServer? Azurite { get; }

    public Smtp4devServer? Smtp4dev { get; }

    public string StorageConnectionString { get; }

    public string SmtpHost { get; }

    public int SmtpPort { get; }

    public Uri ApiBaseUrl => Host.ApiBaseUrl;

    public string AdminKey => Host.AdminKey;

    /// <summary>The settings the Function App reads in Azure, with local values: the same names infra/ sets.</summary>
    public static Dictionary<string, string?> LocalSettings(string storage, string smtpHost, int smtpPort, Uri publicBaseUrl, string linkKey) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage"] = storage,
        [StorageNames.Connection] = storage,
        [DispatchDueWaves.ScheduleSetting] = "0 */5 * * * *",
        [FitWillingnessModel.ScheduleSetting] = "0 0 6 * * *",
        [SendTrendSummaries.ScheduleSetting] = "0 30 6 * * *",
        ["Tracker:PublicBaseUrl"] = publicBaseUrl.ToString().TrimEnd('/'),
        ["Smtp:Host"] = smtpHost,
        ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "tracker@example.org",
        ["Smtp:FromName"] = "Tracker study team",
        ["Links:ActiveKeyId"] = "local",
        ["Links:Keys:local"] = linkKey,
    };

    public static async Task<TrackerStack> StartAsync(TrackerStackOptions options, CancellationToken cancellationToken)
    {
        AzuriteServer? azurite = null;
        Smtp4devServer? smtp4dev = null;
        try
        {
            var startAzurite = options.StorageConnectionString is null
                ? AzuriteServer.StartAsync(new AzuriteOptions { Persistent = options.PersistentStorageFolder is not null, Location = options.PersistentStorageFolder }, cancellationToken)
                : Task.FromResult<AzuriteServer>(null!);
            var startSmtp = options.SmtpEndpoint is null ? Smtp4devServer.StartAsync(null, cancellationToken) : Task.FromResult<Smtp4devServer>(null!);
            await Task.WhenAll(startAzurite, startSmtp).ConfigureAwait(false);
            azurite = options.StorageConnectionString is null ? startAzurite.Result : null;
            smtp4dev = options.SmtpEndpoint is null ? startSmtp.Result : null;

            var storage = options.StorageConnectionString ?? azurite!.ConnectionString;
            var (smtpHost, smtpPort) = smtp4dev is not null ? (smtp4dev.SmtpHost, smtp4dev.SmtpPort) : ParseEndpoint(options.SmtpEndpoint!);
            var port = options.Port > 0 ? options.Port : FreePort.Next();
            var publicBase = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            var settings = LocalSettings(storage, smtpHost, smtpPort, publicBase, options.LinkKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            foreach (var (key, value) in options.Settings)
            {
                settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }

            var hostOptions = new LocalFunctionHostOptions
            {
                FunctionAssemblies = [typeof(DispatchDueWaves).Assembly],
                Settings = settings,
                ConfigureServices = (services, configuration) => services.AddTrackerWeb(configuration),
                AdminKey = options.AdminKey,
                DevSignIn = options.DevSignIn,
                Port = port,
                HostJsonPath = options.HostJsonPath ?? Path.Combine(RepositoryRoot.Find(), "host.json"),
                Clock = options.Clock,
                EnableTimers = options.EnableTimers,
                EnableQueueListeners = options.EnableQueueListeners,
                MinimumLogLevel = options.MinimumLogLevel,
                ConfigureLogging = options.ConfigureLogging,
            };
            foreach (var (name, value) in options.HostKeys) hostOptions.HostKeys[name] = value;
            var host = await LocalFunctionHost.StartAsync(hostOptions, cancellationToken).ConfigureAwait(false);
            return new TrackerStack(host, azurite, smtp4dev, storage, smtpHost, smtpPort);
        }
        catch
        {
            if (azurite is not null) await azurite.DisposeAsync().ConfigureAwait(false);
            if (smtp4dev is not null) await smtp4dev.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync().ConfigureAwait(false);
        if (Smtp4dev is not null) await Smtp4dev.DisposeAsync().ConfigureAwait(false);
        if (Azurite is not null) await Azurite.DisposeAsync().ConfigureAwait(false);
    }

    private static (string Host, int Port) ParseEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (endpoint[..colon], port)
            : throw new ArgumentException($"--smtp must be host:port, e.g. localhost:2525 (got '{endpoint}').", nameof(endpoint));
    }
}
