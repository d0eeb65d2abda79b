using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Tests.Samples;

public sealed class TimerSamples(InvocationRecorder recorder, TimeProvider clock)
{
    [Function("Tick")]
    public async Task Tick([TimerTrigger("%TickSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using (recorder.Enter())
        {
            recorder.Record(new InvocationRecorder.Invocation("Tick", clock.GetUtcNow(), null, timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next));
            await recorder.Gate.Task.WaitAsync(cancellationToken);
        }
    }
}

public sealed class StartupTimerSamples(InvocationRecorder recorder, TimeProvider clock)
{
    [Function("OnStartup")]
    public void OnStartup([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) =>
        recorder.Record(new InvocationRecorder.Invocation("OnStartup", clock.GetUtcNow()));
}

public sealed class FailingTimerSamples(InvocationRecorder recorder, TimeProvider clock)
{
    [Function("FailingTick")]
    public void FailingTick([TimerTrigger("*/5 * * * * *")] TimerInfo timer)
    {
        recorder.Record(new InvocationRecorder.Invocation("FailingTick", clock.GetUtcNow()));
        throw new InvalidOperationException("the timer function failed on purpose");
    }
}
