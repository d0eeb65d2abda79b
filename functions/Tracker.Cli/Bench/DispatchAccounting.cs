namespace Tracker.Cli.Bench;

/// <summary>
/// What the Tracker phase of <c>tracker bench dispatch</c> left behind: the wave's ledger rows by state, and what
/// smtp4dev received (messages, distinct Message-IDs, distinct recipients, and Message-IDs that are not the ledger's).
/// </summary>
public sealed record DispatchAccounting(
    int Participants,
    IReadOnlyDictionary<string, int> LedgerStates,
    int Received,
    int DistinctMessageIds,
    int DistinctRecipients,
    int UnknownMessageIds)
{
    public int LedgerSent => LedgerStates.GetValueOrDefault(Tracker.Engine.Storage.LedgerEntity.Sent);

    public int LedgerRows => LedgerStates.Values.Sum();

    /// <summary>Every participant has exactly one ledger row, marked sent, and smtp4dev holds exactly one message for each, under the ledger's Message-ID.</summary>
    public bool ExactlyOnce =>
        LedgerRows == Participants && LedgerSent == Participants
        && Received == Participants && DistinctMessageIds == Participants && DistinctRecipients == Participants && UnknownMessageIds == 0;
}
