using System.Net;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tracker.LocalHost;

/// <summary>How to start a <see cref="LocalFunctionHost"/>.</summary>
public sealed class LocalFunctionHostOptions
{
    /// <summary>The assemblies whose <c>[Function]</c> methods are served (usually the Function App's).</summary>
    public IReadOnlyList<Assembly> FunctionAssemblies { get; set; } = [];

    /// <summary>Serve only the classes this accepts (tests keep deliberately broken samples out); null serves all.</summary>
    public Func<Type, bool>? FunctionTypeFilter { get; set; }

    /// <summary>The app settings: what local.settings.json's Values or the Function App's settings hold in Azure.</summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>Settings layered over <see cref="Configuration"/> (handy in tests).</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; set; }

    /// <summary>The app's service registration, the same one its Program.cs calls.</summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; set; }

    /// <summary>The master key: opens every keyed route and /admin; null generates a random one (see <see cref="LocalFunctionHost.AdminKey"/>).</summary>
    public string? AdminKey { get; set; }

    /// <summary>Named host keys (name → value): each opens every Function-level route, none an Admin-level one or /admin.</summary>
    public IDictionary<string, string> HostKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Named keys of single functions: each opens only its function's Function-level route.</summary>
    public IList<FunctionKey> FunctionKeys { get; } = [];

    /// <summary>The HTTP port; 0 picks a free one (read <see cref="LocalFunctionHost.BaseUrl"/> after start).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>The address Kestrel listens on; loopback unless the API must be reachable from elsewhere.</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The root host.json (route prefix, queue settings); null uses the Functions host's defaults.</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>
    /// The clock timers are scheduled on, also registered as the app's <see cref="TimeProvider"/> (replacing any
    /// registration made by <see cref="ConfigureServices"/>) so an accelerated or fake clock reaches the services.
    /// Null keeps the app's registration, or <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Run timer functions on their schedules. Off in most tests, which invoke them by hand.</summary>
    public bool EnableTimers { get; set; } = true;

    /// <summary>Poll the queues of queue-triggered functions.</summary>
    public bool EnableQueueListeners { get; set; } = true;

    /// <summary>How many messages of one queue run at once; null uses host.json's batchSize (default 16).</summary>
    public int? QueueParallelism { get; set; }

    /// <summary>The longest wait between polls of an empty queue; null uses host.json's maxPollingInterval, else 2 s locally.</summary>
    public TimeSpan? QueueMaxPollingInterval { get; set; }

    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;

    /// <summary>Write logs to the console (single-line).</summary>
    public bool ConsoleLogging { get; set; } = true;

    /// <summary>Extra logging set-up, e.g. a test output provider.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    public string EnvironmentName { get; set; } = "Development";

    /// <summary>
    /// Serve the development sign-in (<c>/.auth/login/dev</c>) in place of App Service Authentication; loopback only.
    /// Client-sent <c>X-MS-CLIENT-*</c> headers are removed either way.
    /// </summary>
    public bool DevSignIn { get; set; }
}
