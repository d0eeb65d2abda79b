namespace Tracker.LocalHost.Discovery;

/// <summary>A queue trigger with its names resolved from app settings.</summary>
/// <param name="QueueName">The queue polled (lower case, as Azure requires).</param>
/// <param name="ConnectionSetting">The configuration setting naming the storage account.</param>
/// <param name="MessageType">The CLR type the message body binds to.</param>
public sealed record QueueTriggerInfo(string QueueName, string ConnectionSetting, Type MessageType)
{
    public string PoisonQueueName => QueueName + "-poison";
}
