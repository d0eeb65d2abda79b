namespace Tracker.Engine.Storage;

/// <summary>A row of a send ledger: claimed before the message goes out, marked sent (or failed) after.</summary>
public abstract class LedgerEntity : TableEntityBase
{
    /// <summary>Planned onto the dispatch queue; a sender claims it from this state.</summary>
    public const string Queued = "queued";
    public const string Claimed = "claimed";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Settled without sending: by the time a sender got to it the participant had answered, opted out or left.</summary>
    public const string Skipped = "skipped";

    /// <summary>
    /// The connection was lost after the message's data had gone to the server and before its reply: the server may
    /// have accepted it. Not retried on its own; a researcher re-sends such rows deliberately.
    /// </summary>
    public const string Unknown = "unknown";

    public string State { get; set; } = Claimed;

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string MessageId { get; set; } = "";

    public int Attempts { get; set; }

    public string? Error { get; set; }
}
