namespace Tracker.Cli.Bench;

/// <summary>
/// The SMTP server <c>tracker bench dispatch</c> sends to, seen from the benchmark: emptied between phases, waited on
/// until it holds a phase's messages, and read for the exactly-once accounting.
/// </summary>
public interface IDispatchInbox
{
    /// <summary>What the report calls the server (e.g. "smtp4dev").</summary>
    string Name { get; }

    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Waits (briefly) until the server holds exactly <paramref name="expected"/> messages; more, or never reaching it, is an error.</summary>
    Task ExpectReceivedAsync(int expected, CancellationToken cancellationToken);

    /// <summary>How many messages the server holds, when that costs nothing to ask (an in-process server); otherwise null.</summary>
    int? ReceivedCount { get; }

    /// <summary>Every message held: its Message-ID (without angle brackets) and its recipients.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>One message a benchmark server received, as far as the accounting needs it.</summary>
public sealed record ReceivedMessage(string MessageId, IReadOnlyList<string> Recipients);
