using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Azure.Functions.Worker;
using Tracker.LocalHost.Configuration;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;
using Tracker.LocalHost.Tests.Samples;

namespace Tracker.LocalHost.Tests;

/// <summary>A timer run cut short by the host stopping is logged as cancelled, not as a failure with a stack trace.</summary>
public sealed class CancelledInvocationLogTests
{
    [Fact]
    public async Task A_run_cancelled_by_its_token_is_logged_as_cancelled_not_failed()
    {
        var (invoker, logs, recorder, function) = Build();
        recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopping = new CancellationTokenSource();

        var run = invoker.InvokeInNewScopeAsync(function, new TimerTriggerInput(new TimerInfo(), "Timer fired"), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var executed = Assert.Single(logs.Entries, e => e.Message.StartsWith("Executed ", StringComparison.Ordinal));
        Assert.True(executed.Message.Contains("(Cancelled,", StringComparison.Ordinal), executed.Exception?.ToString());
        Assert.Equal(LogLevel.Information, executed.Level);
        Assert.Null(executed.Exception);
    }

    [Fact]
    public async Task A_function_that_throws_is_still_logged_as_failed_with_its_exception()
    {
        var (invoker, logs, _, _) = Build();
        var failing = Discover(typeof(FailingTimerSamples)).Single();

        await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.InvokeInNewScopeAsync(failing, new TimerTriggerInput(new TimerInfo(), "Timer fired"), CancellationToken.None));
        var executed = Assert.Single(logs.Entries, e => e.Message.StartsWith("Executed ", StringComparison.Ordinal));
        Assert.Contains("(Failed,", executed.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Error, executed.Level);
        Assert.IsType<InvalidOperationException>(executed.Exception);
    }

    private static IReadOnlyList<FunctionDescriptor> Discover(Type type) =>
        FunctionDiscovery.Discover([type], new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TickSchedule"] = "0 0 9 * * *" }).Build(), HostJsonSettings.Default);

    private static (FunctionInvoker Invoker, ListLogs Logs, InvocationRecorder Recorder, FunctionDescriptor Tick) Build()
    {
        var recorder = new InvocationRecorder();
        var services = new ServiceCollection().AddSingleton(recorder).AddSingleton(TimeProvider.System).BuildServiceProvider();
        var logs = new ListLogs();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return (new FunctionInvoker(services, factory), logs, recorder, Discover(typeof(TimerSamples)).Single());
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class ListLogs : ILoggerProvider, ILogger
    {
        private readonly List<Entry> _entries = [];

        public IReadOnlyList<Entry> Entries { get { lock (_entries) return [.. _entries]; } }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries) _entries.Add(new Entry(logLevel, formatter(state, exception), exception));
        }

        public void Dispose()
        {
        }
    }
}
