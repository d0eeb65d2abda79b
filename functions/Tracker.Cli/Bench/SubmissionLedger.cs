using System.Collections.Concurrent;

namespace Tracker.Cli.Bench;

/// <summary>What the participants were answered: every status code, who got a 2xx, and how many posts got no answer at all.</summary>
public sealed class SubmissionLedger
{
    private readonly ConcurrentDictionary<int, int> statusCounts = new();
    private readonly ConcurrentDictionary<string, bool> acknowledged = new(StringComparer.Ordinal);
    private int transportErrors;

    public int TransportErrors => Volatile.Read(ref transportErrors);

    public void Record(string participantId, int statusCode)
    {
        statusCounts.AddOrUpdate(statusCode, 1, (_, n) => n + 1);
        if (statusCode is >= 200 and < 300)
        {
            acknowledged[participantId] = true;
        }
    }

    public void RecordTransportError() => Interlocked.Increment(ref transportErrors);

    /// <summary>The participants who got a 2xx for some submission: Tracker told them their answers are saved.</summary>
    public HashSet<string> Acknowledged() => acknowledged.Keys.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<int, int> StatusCounts() => new Dictionary<int, int>(statusCounts);
}
