using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tracker.LocalHost.Tests.Samples;

/// <summary>What sample timer and queue functions saw, shared with the test through DI.</summary>
public sealed class InvocationRecorder
{
    private readonly Channel<Invocation> _channel = Channel.CreateUnbounded<Invocation>();
    private int _running;
    private int _maxConcurrent;

    public ConcurrentQueue<Invocation> All { get; } = new();

    /// <summary>Set by a test to hold a function inside its run.</summary>
    public TaskCompletionSource Gate { get; set; } = CreateOpenGate();

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public static TaskCompletionSource CreateOpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public void Record(Invocation invocation)
    {
        All.Enqueue(invocation);
        _channel.Writer.TryWrite(invocation);
    }

    public IDisposable Enter()
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, running, max) != max)
        {
        }

        return new Exit(this);
    }

    public async Task<Invocation> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _channel.Reader.ReadAsync(cts.Token);
    }

    public bool TryNext(out Invocation invocation) => _channel.Reader.TryRead(out invocation!);

    public sealed record Invocation(string Function, DateTimeOffset At, object? Payload = null, bool IsPastDue = false, DateTime? Last = null, DateTime? Next = null);

    private sealed class Exit(InvocationRecorder recorder) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref recorder._running);
    }
}
