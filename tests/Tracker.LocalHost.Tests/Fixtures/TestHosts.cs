using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Tracker.LocalHost.Tests.Fixtures;

/// <summary>Starts a local host over some of the sample classes, as a Tracker test fixture would over the Function App.</summary>
public static class TestHosts
{
    public const string AdminKey = "test-admin-key";

    /// <summary>A host.json with quick retries (two dequeues, no visibility delay, 200 ms polling); the caller deletes it.</summary>
    public static string WriteQuickRetryHostJson()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "version": "2.0",
              "extensions": { "queues": { "maxDequeueCount": 2, "batchSize": 2, "visibilityTimeout": "00:00:00", "maxPollingInterval": "00:00:00.200" } } }
            """);
        return path;
    }

    public static async Task<(LocalFunctionHost Host, InvocationRecorder Recorder)> StartAsync(
        ITestOutputHelper output,
        Type[] functionClasses,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null,
        bool enableTimers = false,
        bool enableQueues = false,
        string? hostJsonPath = null)
    {
        var recorder = new InvocationRecorder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var host = await LocalFunctionHost.StartAsync(new LocalFunctionHostOptions
        {
            FunctionAssemblies = [typeof(TestHosts).Assembly],
            FunctionTypeFilter = functionClasses.Contains,
            Configuration = configuration,
            ConfigureServices = (services, _) =>
            {
                services.AddSingleton(recorder);
                services.AddScoped<Greeter>();

                // The host's clock option must win over the app's own registration.
                services.AddSingleton(TimeProvider.System);
            },
            AdminKey = AdminKey,
            Port = 0,
            Clock = clock,
            EnableTimers = enableTimers,
            EnableQueueListeners = enableQueues,
            HostJsonPath = hostJsonPath,
            ConsoleLogging = false,
            MinimumLogLevel = LogLevel.Information,
            ConfigureLogging = logging => logging.AddProvider(new XunitLoggerProvider(output)),
        });
        return (host, recorder);
    }
}
