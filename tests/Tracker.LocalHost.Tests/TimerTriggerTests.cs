using Microsoft.Extensions.Time.Testing;
using Tracker.LocalHost.Tests.Fixtures;
using Tracker.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Tracker.LocalHost.Tests;

public sealed class TimerTriggerTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string?> Settings = new() { ["TickSchedule"] = "*/10 * * * * *" };

    [Fact]
    public async Task Fires_at_the_scheduled_virtual_times_from_the_placeholder_schedule()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(TimerSamples)], Settings, clock, enableTimers: true);
        await using (host)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            var first = await recorder.NextAsync();
            Assert.Equal(Start.AddSeconds(10), first.At);
            Assert.Equal(DateTime.MinValue, first.Last);
            Assert.Equal(Start.AddSeconds(20).UtcDateTime, first.Next);
            Assert.False(first.IsPastDue);

            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(200);
            Assert.False(recorder.TryNext(out _));

            clock.Advance(TimeSpan.FromSeconds(5));
            var second = await recorder.NextAsync();
            Assert.Equal(Start.AddSeconds(20), second.At);
            Assert.Equal(Start.AddSeconds(10).UtcDateTime, second.Last);
        }
    }

    [Fact]
    public async Task A_jump_past_several_occurrences_runs_once_and_is_past_due()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(TimerSamples)], Settings, clock, enableTimers: true);
        await using (host)
        {
            clock.Advance(TimeSpan.FromSeconds(45));
            var run = await recorder.NextAsync();
            Assert.True(run.IsPastDue);
            await Task.Delay(200);
            Assert.False(recorder.TryNext(out _));
        }
    }

    [Fact]
    public async Task An_occurrence_during_a_run_is_skipped_so_runs_never_overlap()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(TimerSamples)], Settings, clock, enableTimers: true);
        await using (host)
        {
            recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            clock.Advance(TimeSpan.FromSeconds(10));
            var first = await recorder.NextAsync();

            clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(300);
            Assert.False(recorder.TryNext(out _));

            recorder.Gate.SetResult();
            var second = await AdvanceUntilNextAsync(clock, recorder, TimeSpan.FromSeconds(10));
            Assert.True(second.At >= Start.AddSeconds(30));
            Assert.Equal(first.At.UtcDateTime, second.Last);
            Assert.Equal(1, recorder.MaxConcurrent);
        }
    }

    [Fact]
    public async Task Run_on_startup_fires_once_at_start()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(StartupTimerSamples)], clock: clock, enableTimers: true);
        await using (host)
        {
            var run = await recorder.NextAsync();
            Assert.Equal("OnStartup", run.Function);
            Assert.Equal(Start, run.At);
        }
    }

    [Fact]
    public async Task A_yearly_schedule_waits_beyond_what_one_task_delay_allows()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(StartupTimerSamples)], clock: clock, enableTimers: true);
        await using (host)
        {
            await recorder.NextAsync();
            clock.Advance(TimeSpan.FromDays(200));
            await Task.Delay(200);
            Assert.False(recorder.TryNext(out _));

            clock.Advance(TimeSpan.FromDays(165));
            var yearly = await recorder.NextAsync();
            Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), yearly.At);
        }
    }

    [Fact]
    public async Task A_failing_run_is_logged_and_the_schedule_continues()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(FailingTimerSamples)], clock: clock, enableTimers: true);
        await using (host)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await recorder.NextAsync();
            var again = await AdvanceUntilNextAsync(clock, recorder, TimeSpan.FromSeconds(5));
            Assert.Equal("FailingTick", again.Function);
        }
    }

    [Fact]
    public async Task With_timers_disabled_nothing_fires()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(TimerSamples), typeof(StartupTimerSamples)], Settings, clock, enableTimers: false);
        await using (host)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(200);
            Assert.Empty(recorder.All);
        }
    }

    [Fact]
    public async Task Runs_on_an_accelerated_clock()
    {
        // 10 virtual seconds per 10 real milliseconds.
        var clock = new AcceleratedTimeProvider(Start, factor: 1000);
        var (host, recorder) = await TestHosts.StartAsync(output, [typeof(TimerSamples)], Settings, clock, enableTimers: true);
        await using (host)
        {
            var first = await recorder.NextAsync();
            var second = await recorder.NextAsync();
            Assert.True(second.At > first.At);
            Assert.True(first.At >= Start.AddSeconds(10));
        }
    }

    /// <summary>The previous run releases its lock just after the function returns; keep advancing until the next one starts.</summary>
    private static async Task<InvocationRecorder.Invocation> AdvanceUntilNextAsync(FakeTimeProvider clock, InvocationRecorder recorder, TimeSpan step)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            clock.Advance(step);
            try
            {
                return await recorder.NextAsync(TimeSpan.FromMilliseconds(250));
            }
            catch (OperationCanceledException)
            {
                // Not yet: the previous run was still holding the lock.
            }
        }

        throw new TimeoutException("The timer did not fire again.");
    }
}
