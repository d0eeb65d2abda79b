namespace Tracker.Engine.Participants;

/// <summary>
/// Finds the pseudonymous id behind an address, so a researcher handling a participant's email ("please delete my
/// data") can act on it without reading the contacts table. An erased participant's address is gone, so it is not found.
/// The enrolment index answers by point reads; only a panel whose index was never built under the active link key is
/// looked up by reading its contacts.
/// </summary>
public sealed class ParticipantLookup(ParticipantRepository participants, ContactIndex index)
{
    public async Task<string?> FindAsync(string panelId, string email, CancellationToken cancellationToken)
    {
        if (await index.FindAsync(panelId, email, cancellationToken).ConfigureAwait(false) is { } indexed)
        {
            if (indexed.ParticipantId is not { } id) return null;
            // An import stopped between its index row and its contact row left an address nobody holds yet.
            return await participants.GetContactAsync(panelId, id, cancellationToken).ConfigureAwait(false) is null ? null : id;
        }

        return await ScanAsync(panelId, email, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ScanAsync(string panelId, string email, CancellationToken cancellationToken)
    {
        var wanted = AddressHasher.Normalise(email);
        var contacts = await participants.GetContactsAsync(panelId, cancellationToken).ConfigureAwait(false);
        // Panels enrolled before imports were made unique may hold one address twice: the first enrolled is the one imports see.
        return contacts.Values
            .Where(c => AddressHasher.Normalise(c.Email) == wanted)
            .Select(c => c.RowKey)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
