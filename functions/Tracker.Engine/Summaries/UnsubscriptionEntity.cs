using Tracker.Engine.Storage;

namespace Tracker.Engine.Summaries;

/// <summary>
/// A recipient who asked to stop receiving a panel's summaries: a row in the summaries table beside the ledger
/// (partition = panel, row = <c>unsubscribed~{recipient key}</c>), so it holds no email and needs no table of its own.
/// </summary>
public sealed class UnsubscriptionEntity : TableEntityBase
{
    public const string RowPrefix = "unsubscribed~";

    public DateTimeOffset UnsubscribedAt { get; set; }

    public static string Row(string recipientKey) => RowPrefix + recipientKey;
}
