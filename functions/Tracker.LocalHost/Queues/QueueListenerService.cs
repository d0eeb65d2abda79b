using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Configuration;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Queues;

/// <summary>Starts and stops one <see cref="QueueFunctionListener"/> per queue-triggered function.</summary>
internal sealed class QueueListenerService : IAsyncDisposable
{
    private readonly List<QueueFunctionListener> _listeners;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private readonly ILogger _logger;

    public QueueListenerService(
        IEnumerable<FunctionDescriptor> functions,
        IConfiguration configuration,
        FunctionInvoker invoker,
        HostJsonSettings settings,
        int? parallelism,
        TimeSpan? maxPollingInterval,
        ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger("Tracker.LocalHost.Queues");
        var polling = maxPollingInterval ?? settings.MaxPollingInterval ?? TimeSpan.FromSeconds(2);

        // Connections are resolved now so a missing setting fails start-up, not the first poll.
        _listeners = functions
            .Where(f => f.Kind == FunctionKind.Queue)
            .Select(f => new QueueFunctionListener(
                f,
                QueueServiceClientFactory.Create(configuration, f.Queue!.ConnectionSetting, f.Name),
                invoker,
                settings,
                parallelism ?? settings.BatchSize,
                polling,
                _logger))
            .ToList();
    }

    public void Start()
    {
        foreach (var listener in _listeners)
        {
            _running.Add(Task.Run(() => listener.RunAsync(_stopping.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Queue listeners stopped with an error");
        }

        _stopping.Dispose();
    }
}
