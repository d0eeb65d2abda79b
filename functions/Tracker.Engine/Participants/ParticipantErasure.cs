using Microsoft.Extensions.Logging;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;

namespace Tracker.Engine.Participants;

/// <summary>
/// The right to erasure, everywhere the participant's data lived: the address goes on the panel's suppression list
/// (as a keyed hash) so no import enrols it again; the participant row is marked erased with its fields cleared, so
/// nothing is sent again; on request the answers are replaced by tombstones (which a submission still in flight cannot
/// overwrite) and taken out of sealed waves; the ledger's server replies are cleared; the enrolment index row and the
/// contact row go last. Each step is idempotent, so a failed erasure is completed by repeating the request.
/// Consent records (table consents) are kept on purpose: they hold only the pseudonymous id, and an ethics board's
/// record that consent was given or withdrawn must outlive the data.
/// </summary>
public sealed class ParticipantErasure(
    ParticipantRepository participants,
    ResponseRepository responses,
    ContactIndex index,
    ErasedAddresses erasedAddresses,
    WaveSealer sealer,
    IParticipantLedgerEraser ledger,
    TimeProvider clock,
    ILogger<ParticipantErasure> logger)
{
    /// <summary>Returns null when there is no such participant, else how many response rows were erased.</summary>
    public async Task<int?> EraseAsync(Panel panel, string participantId, bool withResponses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (!Common.Ids.LooksLikeId(participantId)) return null;
        var now = clock.GetUtcNow();

        // The contact is read first and deleted last: until then a repeated request still knows the address to suppress.
        var contact = await participants.GetContactAsync(panel.Id, participantId, cancellationToken).ConfigureAwait(false);
        if (contact is not null) await erasedAddresses.RecordAsync(panel.Id, contact.Email, now, cancellationToken).ConfigureAwait(false);

        // A contact without a participant row is an enrolment that stopped half-way: still theirs to erase.
        if (!await participants.MarkErasedAsync(panel.Id, participantId, withResponses, now, cancellationToken).ConfigureAwait(false) && contact is null) return null;

        var deleted = 0;
        var sealedRows = 0;
        if (withResponses)
        {
            deleted = await responses.EraseAsync(panel.Id, participantId, panel.Schedule.Waves, now, cancellationToken).ConfigureAwait(false);
            sealedRows = await sealer.RemoveErasedAsync(panel, participantId, cancellationToken).ConfigureAwait(false);
        }

        var ledgerRows = await ledger.EraseAsync(panel.Id, participantId, panel.Schedule.Waves, cancellationToken).ConfigureAwait(false);
        await index.RemoveAsync(panel.Id, participantId, cancellationToken).ConfigureAwait(false);
        await participants.DeleteContactAsync(panel.Id, participantId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Erased participant {ParticipantId} of panel {PanelId} (responses erased: {WithResponses}, {Deleted} rows, {SealedRows} sealed rows, {LedgerRows} ledger rows cleared)",
            participantId, panel.Id, withResponses, deleted, sealedRows, ledgerRows);
        return deleted;
    }
}
