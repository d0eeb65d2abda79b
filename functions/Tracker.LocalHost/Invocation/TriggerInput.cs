using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Invocation;

/// <summary>The trigger payload of one invocation.</summary>
internal abstract record TriggerInput(string Reason);

internal sealed record HttpTriggerInput(HttpContext HttpContext) : TriggerInput("This function was programmatically called via the host APIs.");

internal sealed record TimerTriggerInput(TimerInfo TimerInfo, string TriggerReason) : TriggerInput(TriggerReason);

internal sealed record QueueTriggerInput(QueueMessage Message, string TriggerReason) : TriggerInput(TriggerReason);
