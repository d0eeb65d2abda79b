namespace Tracker.Panels.Storage;

/// <summary>A row of a send ledger: claimed before the message goes out, marked sent (or failed) after.</summary>
public abstract class LedgerEntity : TableEntityBase
{
    public const string Claimed = "claimed";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public string State { get; set; } = Claimed;

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string MessageId { get; set; } = "";

    public int Attempts { get; set; }

    public string? Error { get; set; }
}
