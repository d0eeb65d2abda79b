using Azure.Core;
using Azure.Core.Pipeline;

namespace Tracker.EndToEnd.Tests;

/// <summary>
/// A storage client policy noting each request as "METHOD last-path-segment" in the order sent: a table read or write
/// is named by its table ("GET participants", "PUT responses"), a table transaction is "POST $batch", a queue message
/// "POST messages". One log can serve table and queue clients, to see how their requests interleave.
/// </summary>
public sealed class StorageRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly List<string> seen = [];

    public IReadOnlyList<string> Seen
    {
        get { lock (seen) return [.. seen]; }
    }

    public void Reset()
    {
        lock (seen) seen.Clear();
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = message.Request.Uri.Path.TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        var name = last.Split('(', 2)[0];
        lock (seen) seen.Add($"{message.Request.Method} {name}");
    }
}
