using System.Globalization;

namespace Tracker.LocalHost.Stack;

/// <summary>
/// smtp4dev (a real SMTP server with a web inbox) from the repository's dotnet local tool manifest, on loopback
/// ports, with an in-memory database and no IMAP/POP3 listeners. Runs <c>dotnet tool restore</c> once if needed.
/// </summary>
public sealed class Smtp4devServer : IAsyncDisposable
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);

    private readonly ManagedProcess _process;

    private Smtp4devServer(ManagedProcess process, int smtpPort, int webPort, string workFolder)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
        WorkFolder = workFolder;
    }

    /// <summary>smtp4dev listens on loopback only; an instance member so a later remote server can say otherwise.</summary>
    public string SmtpHost { get; } = "127.0.0.1";

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>The web inbox and REST API, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri WebUrl => new($"http://127.0.0.1:{WebPort.ToString(CultureInfo.InvariantCulture)}/");

    public string LogPath => _process.LogPath;

    internal string WorkFolder { get; }

    public bool IsRunning => !_process.HasExited;

    public static async Task<Smtp4devServer> StartAsync(Smtp4devOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new Smtp4devOptions();
        var root = options.RepositoryRoot ?? RepositoryRoot.Find();
        var workFolder = StackPaths.NewWorkFolder("smtp4dev");
        var dotnet = ExecutableLocator.Dotnet();
        await EnsureToolRestoredAsync(dotnet, root, workFolder, cancellationToken).ConfigureAwait(false);

        var free = FreePort.Next(2);
        var smtpPort = options.SmtpPort is > 0 ? options.SmtpPort.Value : free[0];
        var webPort = options.WebPort is > 0 ? options.WebPort.Value : free[1];
        string[] arguments =
        [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={smtpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--urls=http://127.0.0.1:{webPort.ToString(CultureInfo.InvariantCulture)}",
            "--bindaddress=127.0.0.1",
            "--hostname=localhost",

            // An empty value disables the IMAP and POP3 servers; an empty --db keeps messages in memory.
            "--imapport=",
            "--pop3port=",
            "--db=",
            $"--messagestokeep={options.MessagesToKeep.ToString(CultureInfo.InvariantCulture)}",
            $"--sessionstokeep={options.MessagesToKeep.ToString(CultureInfo.InvariantCulture)}",

            // Keep a developer's own smtp4dev settings (and data folder) out of it.
            "--nousersettings",
            $"--baseappdatapath={Path.Combine(workFolder, "appdata")}",
        ];

        var process = ManagedProcess.Start(dotnet, arguments, root, Path.Combine(workFolder, "smtp4dev.log"));
        var server = new Smtp4devServer(process, smtpPort, webPort, workFolder);
        try
        {
            await ServiceReadiness.WaitForSuccessAsync(process, "smtp4dev", new Uri(server.WebUrl, "api/messages?mailboxName=Default&pageSize=1"), options.StartupTimeout, cancellationToken)
                .ConfigureAwait(false);
            await ServiceReadiness.WaitForTcpAsync(process, "smtp4dev (SMTP)", smtpPort, options.StartupTimeout, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A client for the REST API; dispose it (or pass your own HttpClient to <see cref="Smtp4devClient"/>).</summary>
    public Smtp4devClient CreateClient() => new(WebUrl);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task EnsureToolRestoredAsync(string dotnet, string root, string workFolder, CancellationToken cancellationToken)
    {
        if (IsToolRestored(root))
        {
            return;
        }

        using var gate = await CrossProcessLock.AcquireAsync("dotnet-tool-restore", root, RestoreTimeout, cancellationToken).ConfigureAwait(false);
        if (IsToolRestored(root))
        {
            return;
        }

        await SetupCommand.RunAsync(dotnet, ["tool", "restore"], root, Path.Combine(workFolder, "tool-restore.log"), RestoreTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checking the NuGet cache for the pinned version avoids spawning `dotnet tool restore` on every start.</summary>
    private static bool IsToolRestored(string root)
    {
        var manifest = Path.Combine(root, ".config", "dotnet-tools.json");
        if (!File.Exists(manifest))
        {
            throw new StackStartupException($"The dotnet tool manifest {manifest} is missing; it pins smtp4dev.");
        }

        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = ManifestVersion(manifest);
        return version is not null && Directory.Exists(Path.Combine(nugetRoot, "rnwood.smtp4dev", version));
    }

    private static string? ManifestVersion(string manifest)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.TryGetProperty("tools", out var tools)
            && tools.TryGetProperty("rnwood.smtp4dev", out var tool)
            && tool.TryGetProperty("version", out var version)
                ? version.GetString()
                : null;
    }
}
