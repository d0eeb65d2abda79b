using System.Collections.Concurrent;

namespace Tracker.Cli.Bench;

/// <summary>What opening the links answered: every status code, and how many answers were the form itself.</summary>
public sealed class LinkOpenTally
{
    /// <summary>Present in every rendered survey page and in no refusal page: the answer is the form to fill in.</summary>
    public const string FormMarker = "<form";

    private readonly ConcurrentDictionary<int, int> statusCounts = new();
    private int formsServed;
    private int transportErrors;

    public int FormsServed => Volatile.Read(ref formsServed);

    public int TransportErrors => Volatile.Read(ref transportErrors);

    public void Record(int statusCode, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        statusCounts.AddOrUpdate(statusCode, 1, (_, n) => n + 1);
        if (statusCode == 200 && body.Contains(FormMarker, StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref formsServed);
    }

    public void RecordTransportError() => Interlocked.Increment(ref transportErrors);

    public IReadOnlyDictionary<int, int> StatusCounts() => new Dictionary<int, int>(statusCounts);
}
