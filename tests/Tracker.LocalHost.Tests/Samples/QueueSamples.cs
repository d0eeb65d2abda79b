using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Tests.Samples;

public sealed record WorkItem(string Kind, int Amount);

public sealed class QueueSamples(InvocationRecorder recorder, TimeProvider clock)
{
    [Function("ConsumeWork")]
    public void ConsumeWork([QueueTrigger("%WorkQueue%")] WorkItem item, string id, long dequeueCount) =>
        recorder.Record(new InvocationRecorder.Invocation("ConsumeWork", clock.GetUtcNow(), (item, id, dequeueCount)));

    [Function("ConsumeText")]
    public Task ConsumeText([QueueTrigger("text-items", Connection = "StorageForText")] string text, FunctionContext context)
    {
        recorder.Record(new InvocationRecorder.Invocation("ConsumeText", clock.GetUtcNow(), text));
        return Task.CompletedTask;
    }

    [Function("ConsumeRaw")]
    public void ConsumeRaw([QueueTrigger("raw-items")] QueueMessage message) =>
        recorder.Record(new InvocationRecorder.Invocation("ConsumeRaw", clock.GetUtcNow(), message.Body.ToString()));

    [Function("SlowWork")]
    public async Task SlowWork([QueueTrigger("slow-items")] string text, CancellationToken cancellationToken)
    {
        using (recorder.Enter())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), cancellationToken);
            recorder.Record(new InvocationRecorder.Invocation("SlowWork", clock.GetUtcNow(), text));
        }
    }

    [Function("AlwaysFails")]
    public void AlwaysFails([QueueTrigger("doomed")] BinaryData body, long dequeueCount)
    {
        recorder.Record(new InvocationRecorder.Invocation("AlwaysFails", clock.GetUtcNow(), dequeueCount));
        throw new InvalidOperationException("cannot process " + body);
    }
}
