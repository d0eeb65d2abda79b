using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Timers;

/// <summary>
/// Runs one timer function on its schedule. Occurrences are computed in UTC on the injected clock and waited for
/// with it, so a FakeTimeProvider or an accelerated clock drives them. A run never overlaps the previous one: an
/// occurrence that comes while the function is still running is skipped, as the host's singleton lock does.
/// </summary>
internal sealed class TimerFunctionRunner(FunctionDescriptor function, FunctionInvoker invoker, TimeProvider clock, ILogger logger) : IDisposable
{
    private static readonly TimeSpan MaxWaitStep = TimeSpan.FromDays(1);

    internal const string ManualReason = "This function was programmatically called via the host APIs.";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _runsLock = new();
    private readonly HashSet<Task> _runs = [];
    private DateTimeOffset? _lastOccurrence;

    public FunctionDescriptor Function => function;

    private TimerSchedule Schedule => function.Timer!.Schedule;

    /// <summary>Waits for each occurrence after <paramref name="reference"/> and starts the function, until cancelled.</summary>
    public async Task RunScheduleAsync(DateTimeOffset reference, CancellationToken cancellationToken)
    {
        if (function.Timer!.RunOnStartup)
        {
            Fire(reference, isPastDue: false, "Timer fired at startup (RunOnStartup)", cancellationToken);
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = Schedule.GetNextOccurrence(reference);
                logger.LogDebug("Timer {FunctionName} next occurrence {NextOccurrence:o}", function.Name, next);
                await WaitUntilAsync(next, cancellationToken).ConfigureAwait(false);
                var now = clock.GetUtcNow();

                // When the clock jumped past several occurrences, run once (past due) and carry on from now, as the host does.
                var isPastDue = Schedule.GetNextOccurrence(next) <= now;
                Fire(next, isPastDue, $"Timer fired at {next:o}", cancellationToken);
                reference = now > next ? now : next;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Timer {FunctionName} stopped scheduling", function.Name);
        }
    }

    /// <summary>Runs the function now (admin invoke), waiting for a scheduled run in progress rather than skipping.</summary>
    public async Task InvokeNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            await invoker.InvokeInNewScopeAsync(function, new TimerTriggerInput(CreateTimerInfo(now, now, isPastDue: false), ManualReason), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Waits on the clock until <paramref name="due"/>, in steps of at most a day: Task.Delay refuses delays over
    /// ~49 days, and re-reading the clock each step keeps a jumping clock (fake or accelerated) honest.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        TimeSpan remaining;
        while ((remaining = due - clock.GetUtcNow()) > TimeSpan.Zero)
        {
            await Task.Delay(remaining < MaxWaitStep ? remaining : MaxWaitStep, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for scheduled runs still in progress (after the schedule loop was cancelled).</summary>
    public async Task WaitForRunsAsync()
    {
        Task[] runs;
        lock (_runsLock)
        {
            runs = [.. _runs];
        }

        await Task.WhenAll(runs).ConfigureAwait(false);
    }

    private void Fire(DateTimeOffset occurrence, bool isPastDue, string reason, CancellationToken cancellationToken)
    {
        if (!_gate.Wait(0, CancellationToken.None))
        {
            logger.LogWarning(
                "Timer {FunctionName}: skipped the occurrence at {Occurrence:o} because the previous run is still in progress",
                function.Name, occurrence);
            return;
        }

        var info = CreateTimerInfo(occurrence, clock.GetUtcNow(), isPastDue);
        _lastOccurrence = occurrence;
        var run = Task.Run(() => RunAsync(info, reason, cancellationToken), CancellationToken.None);
        lock (_runsLock)
        {
            _runs.Add(run);
        }

        _ = run.ContinueWith(
            completed =>
            {
                lock (_runsLock)
                {
                    _runs.Remove(completed);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(TimerInfo info, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await invoker.InvokeInNewScopeAsync(function, new TimerTriggerInput(info, reason), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Already logged by the invoker; the schedule continues.
            logger.LogDebug("Timer {FunctionName} run failed; the schedule continues", function.Name);
        }
        catch (OperationCanceledException)
        {
            logger.LogDebug("Timer {FunctionName} run cancelled at shutdown", function.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private TimerInfo CreateTimerInfo(DateTimeOffset occurrence, DateTimeOffset now, bool isPastDue)
    {
        var previous = _lastOccurrence;
        return new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = previous?.UtcDateTime ?? DateTime.MinValue,
                Next = Schedule.GetNextOccurrence(occurrence > now ? occurrence : now).UtcDateTime,
                LastUpdated = now.UtcDateTime,
            },
        };
    }
}
