using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Timers;

/// <summary>Owns one <see cref="TimerFunctionRunner"/> per timer function and their schedule loops.</summary>
internal sealed class TimerScheduler : IAsyncDisposable
{
    private readonly Dictionary<string, TimerFunctionRunner> _runners;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public TimerScheduler(IEnumerable<FunctionDescriptor> functions, FunctionInvoker invoker, TimeProvider clock, ILoggerFactory loggerFactory)
    {
        _clock = clock;
        _logger = loggerFactory.CreateLogger("Tracker.LocalHost.Timers");
        _runners = functions
            .Where(f => f.Kind == FunctionKind.Timer)
            .ToDictionary(f => f.Name, f => new TimerFunctionRunner(f, invoker, clock, _logger), StringComparer.OrdinalIgnoreCase);
    }

    public bool TryGetRunner(string name, out TimerFunctionRunner runner) => _runners.TryGetValue(name, out runner!);

    /// <summary>Starts every schedule; the reference instant is taken now, so occurrences are counted from start-up.</summary>
    public void Start()
    {
        var reference = _clock.GetUtcNow();
        foreach (var runner in _runners.Values)
        {
            _logger.LogInformation(
                "Timer {FunctionName} scheduled '{Schedule}'; next occurrences {NextOccurrences}",
                runner.Function.Name,
                runner.Function.Timer!.ScheduleExpression,
                string.Join(", ", runner.Function.Timer.Schedule.GetNextOccurrences(reference, 3).Select(o => o.ToString("o"))));
            _loops.Add(Task.Run(() => runner.RunScheduleAsync(reference, _stopping.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
            await Task.WhenAll(_runners.Values.Select(r => r.WaitForRunsAsync())).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Timer scheduler stopped with an error");
        }

        foreach (var runner in _runners.Values)
        {
            runner.Dispose();
        }

        _stopping.Dispose();
    }
}
