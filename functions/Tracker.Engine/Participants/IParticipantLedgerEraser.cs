namespace Tracker.Engine.Participants;

/// <summary>Clears what the send ledger holds about an erased participant beyond its pseudonymous id (server replies that may quote the address).</summary>
public interface IParticipantLedgerEraser
{
    /// <summary>Returns how many ledger rows were cleared.</summary>
    Task<int> EraseAsync(string panelId, string participantId, int waves, CancellationToken cancellationToken);
}
