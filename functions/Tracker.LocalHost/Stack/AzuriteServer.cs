using System.Globalization;

namespace Tracker.LocalHost.Stack;

/// <summary>
/// Azurite (the Azure Storage emulator) from the repository's pinned npm package, on loopback ports, for the CLI and
/// test fixtures. Runs <c>npm ci</c> once when node_modules is missing. Stop and restart keep the ports, so fault
/// tests can take storage away and bring it back (with <see cref="AzuriteOptions.Persistent"/> the data survives).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);

    private readonly string _repositoryRoot;
    private readonly string _workFolder;
    private readonly bool _ownsLocation;
    private readonly TimeSpan _startupTimeout;
    private ManagedProcess? _process;

    private AzuriteServer(string repositoryRoot, string workFolder, string location, bool ownsLocation, bool persistent, int blobPort, int queuePort, int tablePort, TimeSpan startupTimeout)
    {
        _repositoryRoot = repositoryRoot;
        _workFolder = workFolder;
        Location = location;
        _ownsLocation = ownsLocation;
        IsPersistent = persistent;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _startupTimeout = startupTimeout;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => Endpoint(BlobPort);

    public Uri QueueEndpoint => Endpoint(QueuePort);

    public Uri TableEndpoint => Endpoint(TablePort);

    /// <summary>The storage connection string for Azure SDK clients and <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Azurite's <c>--location</c> folder (used only when <see cref="IsPersistent"/>).</summary>
    public string Location { get; }

    public bool IsPersistent { get; }

    /// <summary>Azurite's console output (all starts append to it).</summary>
    public string LogPath => Path.Combine(_workFolder, "azurite.log");

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<AzuriteServer> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        var portsChosenHere = options.BlobPort is not > 0 && options.QueuePort is not > 0 && options.TablePort is not > 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (StackStartupException e) when (portsChosenHere && attempt < PortAttempts && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // A free port can be taken by another process between choosing it and Azurite binding it (parallel
                // stacks on one machine); new ports make that race harmless.
            }
        }
    }

    private const int PortAttempts = 3;

    private static async Task<AzuriteServer> StartOnceAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        var root = options.RepositoryRoot ?? Stack.RepositoryRoot.Find();
        var workFolder = StackPaths.NewWorkFolder("azurite");
        var location = options.Location ?? Path.Combine(workFolder, "data");
        Directory.CreateDirectory(location);
        var free = FreePort.Next(3);
        var server = new AzuriteServer(
            root,
            workFolder,
            location,
            ownsLocation: options.Location is null,
            options.Persistent,
            options.BlobPort is > 0 ? options.BlobPort.Value : free[0],
            options.QueuePort is > 0 ? options.QueuePort.Value : free[1],
            options.TablePort is > 0 ? options.TablePort.Value : free[2],
            options.StartupTimeout);
        try
        {
            await server.StartProcessAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops Azurite (kills its process tree); the ports and the location are kept for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is not null)
        {
            // Persistent data is written when Azurite shuts down cleanly; in memory there is nothing to save.
            await process.StopAsync(TimeSpan.FromSeconds(10), IsPersistent ? TimeSpan.FromSeconds(10) : null).ConfigureAwait(false);
        }
    }

    /// <summary>Starts Azurite again on the same ports (stopping it first if it runs). In-memory data does not survive.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartProcessAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_ownsLocation)
        {
            try
            {
                Directory.Delete(Location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned up by the system.
            }
        }
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}");

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var node = ExecutableLocator.Find("node")
            ?? throw new StackStartupException("Node.js ('node') was not found on PATH; Azurite needs it. Install Node.js 20 or later.");
        var script = await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);

        var arguments = new List<string>
        {
            script,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
            "--silent",
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--loose",
        };

        // Azurite refuses --location together with --inMemoryPersistence.
        arguments.AddRange(IsPersistent ? ["--location", Location] : ["--inMemoryPersistence"]);

        // Started in its own work folder: whatever Azurite writes beside itself stays out of the repository.
        var process = ManagedProcess.Start(node, arguments, _workFolder, LogPath);
        _process = process;
        try
        {
            await ServiceReadiness.WaitForHttpAsync(
                process,
                "Azurite",
                [new Uri($"http://127.0.0.1:{BlobPort}/"), new Uri($"http://127.0.0.1:{QueuePort}/"), new Uri($"http://127.0.0.1:{TablePort}/")],
                _startupTimeout,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The Azurite entry script, running <c>npm ci</c> first (once, under a machine-wide lock) when it is missing.</summary>
    private async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var bin = Path.Combine(_repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
        {
            using var gate = await CrossProcessLock.AcquireAsync("npm-ci", _repositoryRoot, NpmTimeout, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(bin))
            {
                var npm = ExecutableLocator.Find("npm")
                    ?? throw new StackStartupException("npm was not found on PATH; it is needed once to install the pinned Azurite (npm ci). Install Node.js 20 or later.");
                await SetupCommand.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], _repositoryRoot, Path.Combine(_workFolder, "npm-ci.log"), NpmTimeout, cancellationToken)
                    .ConfigureAwait(false);
                if (!File.Exists(bin))
                {
                    throw new StackStartupException($"npm ci finished but {bin} does not exist; is azurite still in package.json?");
                }
            }
        }

        // Run the script with node directly: one process to kill, and no dependence on the shebang.
        return new FileInfo(bin).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? bin;
    }
}
