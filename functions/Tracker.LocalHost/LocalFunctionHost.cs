using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Access;
using Tracker.LocalHost.Admin;
using Tracker.LocalHost.Configuration;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Http;
using Tracker.LocalHost.Invocation;
using Tracker.LocalHost.Queues;
using Tracker.LocalHost.Timers;

namespace Tracker.LocalHost;

/// <summary>
/// Serves the <c>[Function]</c> methods of an assembly the way the Azure Functions host would, without Core Tools:
/// HTTP triggers on Kestrel, timer triggers on their schedules, queue triggers by polling, plus the admin API's
/// manual invocation.
/// </summary>
public sealed class LocalFunctionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimerScheduler _timers;
    private readonly QueueListenerService? _queues;
    private readonly ManualInvoker _manual;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private LocalFunctionHost(
        WebApplication app,
        Uri baseUrl,
        string adminKey,
        FunctionKeyStore keys,
        IReadOnlyList<FunctionDescriptor> functions,
        HostJsonSettings hostJson,
        TimerScheduler timers,
        QueueListenerService? queues,
        ManualInvoker manual,
        CancellationTokenSource stopping)
    {
        _app = app;
        BaseUrl = baseUrl;
        AdminKey = adminKey;
        Keys = keys;
        Functions = functions;
        HostJson = hostJson;
        _timers = timers;
        _queues = queues;
        _manual = manual;
        _stopping = stopping;
    }

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:5123/</c> (always ends with a slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The route-prefixed base of the HTTP functions, e.g. <c>http://127.0.0.1:5123/api/</c>.</summary>
    public Uri ApiBaseUrl => string.IsNullOrEmpty(HostJson.RoutePrefix) ? BaseUrl : new Uri(BaseUrl, HostJson.RoutePrefix + "/");

    /// <summary>The master key: opens every keyed route and /admin (the generated one when none was given).</summary>
    public string AdminKey { get; }

    /// <summary>The keys the host accepts: the master key, named host keys and function keys; set or revoke them at run time.</summary>
    public FunctionKeyStore Keys { get; }

    /// <summary>Every discovered function: name, kind, route/methods/auth level, schedule, queue.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public HostJsonSettings HostJson { get; }

    /// <summary>The app's root service provider (the same registrations the functions get).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<LocalFunctionHost> StartAsync(LocalFunctionHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FunctionAssemblies.Count == 0)
        {
            throw new ArgumentException("Give at least one assembly whose [Function] methods to serve.", nameof(options));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = options.FunctionAssemblies[0].GetName().Name,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Only the caller's settings: the host must not pick up the test runner's environment or appsettings.json.
        if (options.Configuration is not null)
        {
            builder.Configuration.AddConfiguration(options.Configuration);
        }

        if (options.Settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.Settings);
        }

        if (options.DevSignIn)
        {
            DevSignIn.EnsureLoopback(options.ListenAddress);
            // The local host is then the platform that vouches for the principal header.
            builder.Configuration.AddInMemoryCollection(
            [
                new(AuthOptions.Section + ":" + nameof(AuthOptions.TrustPlatformPrincipal), "true"),
                new(AuthOptions.Section + ":" + nameof(AuthOptions.SignInPath), DevSignIn.LoginPath),
            ]);
        }

        var hostJson = HostJsonSettings.Load(options.HostJsonPath);
        var functions = FunctionDiscovery.Discover(options.FunctionAssemblies, builder.Configuration, hostJson, options.FunctionTypeFilter);

        ConfigureLogging(builder, options);
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.ListenAddress, options.Port));
        builder.Services.AddRouting();
        builder.Services.AddMvcCore();

        options.ConfigureServices?.Invoke(builder.Services, builder.Configuration);

        var adminKey = string.IsNullOrEmpty(options.AdminKey) ? GenerateKey() : options.AdminKey;
        var keys = new FunctionKeyStore(adminKey);
        foreach (var (name, value) in options.HostKeys) keys.SetHostKey(name, value);
        foreach (var key in options.FunctionKeys)
        {
            if (!functions.Any(f => f.Kind == FunctionKind.Http && string.Equals(f.Name, key.Function, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"Function key '{key.Name}' names function '{key.Function}', which is not one of the served HTTP functions.", nameof(options));
            }

            keys.SetFunctionKey(key.Function, key.Name, key.Value);
        }

        // The app checks a presented key itself (in Azure against Resource Manager's lists); here, against this host's keys.
        builder.Services.RemoveAll<IFunctionKeyDirectory>();
        builder.Services.AddSingleton<IFunctionKeyDirectory>(new LocalFunctionKeyDirectory(keys));

        // After the app's registrations, so the host's clock (fake or accelerated) reaches the services too.
        if (options.Clock is not null)
        {
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton(options.Clock);
        }
        else
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
        }

        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        try
        {
            var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
            var logger = loggerFactory.CreateLogger("Tracker.LocalHost");
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var invoker = new FunctionInvoker(app.Services, loggerFactory);
            var authorizer = new FunctionKeyAuthorizer(keys);
            var timers = new TimerScheduler(functions, invoker, clock, loggerFactory);
            var queues = options.EnableQueueListeners && functions.Any(f => f.Kind == FunctionKind.Queue)
                ? new QueueListenerService(functions, app.Configuration, invoker, hostJson, options.QueueParallelism, options.QueueMaxPollingInterval, loggerFactory)
                : null;
            var byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
            var manual = new ManualInvoker(byName, timers, invoker, clock);

            var signIn = new DevSignIn(options.DevSignIn);
            app.Use(signIn.InvokeAsync);
            app.UseRouting();
            signIn.Map(app);
            HttpFunctionEndpoints.Map(app, functions, invoker, authorizer, logger);
            AdminEndpoints.Map(app, functions, manual, authorizer, stopping.Token);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
            var baseUrl = new Uri(address.TrimEnd('/') + "/");

            if (options.EnableTimers)
            {
                timers.Start();
            }

            queues?.Start();

            logger.LogInformation("Local Functions host listening on {BaseUrl} with {FunctionCount} functions", baseUrl, functions.Count);
            foreach (var function in functions)
            {
                logger.LogInformation("  {Function}", function.ToString());
            }

            return new LocalFunctionHost(app, baseUrl, adminKey, keys, functions, hostJson, timers, queues, manual, stopping);
        }
        catch
        {
            stopping.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs a timer or queue function now (the admin API's manual invocation) and completes when it has; a queue
    /// function receives <paramref name="input"/> as its message text. The function's exception propagates.
    /// </summary>
    public Task InvokeAsync(string functionName, string? input = null, CancellationToken cancellationToken = default) =>
        _manual.InvokeAsync(functionName, input, cancellationToken);

    /// <summary>An HttpClient for this host; with <paramref name="withAdminKey"/> it sends the master key on every request.</summary>
    public HttpClient CreateClient(bool withAdminKey = false) => CreateClient(withAdminKey ? AdminKey : null);

    /// <summary>An HttpClient that sends <paramref name="key"/> (any function, host or master key) on every request.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        if (!string.IsNullOrEmpty(key))
        {
            client.DefaultRequestHeaders.Add(FunctionKeyAuthorizer.HeaderName, key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _timers.DisposeAsync().ConfigureAwait(false);
        if (_queues is not null)
        {
            await _queues.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    /// <summary>
    /// The level for ASP.NET Core and the Azure SDK: warnings at most, and never below what the caller asked for — a
    /// category filter overrides the minimum, so without the max the demo (errors only) printed every 404 the Azure SDK
    /// logs as a warning while probing for a blob that does not exist yet.
    /// </summary>
    public static LogLevel FrameworkLogLevel(LogLevel minimum) => minimum > LogLevel.Warning ? minimum : LogLevel.Warning;

    private static void ConfigureLogging(WebApplicationBuilder builder, LocalFunctionHostOptions options)
    {
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        // Per-request framework chatter drowns the function lines; the caller's Logging section can still lower it.
        var framework = FrameworkLogLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", framework);
        builder.Logging.AddFilter("Azure", framework);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.UseUtcTimestamp = true;
            });
        }

        options.ConfigureLogging?.Invoke(builder.Logging);
    }

    private static string GenerateKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
