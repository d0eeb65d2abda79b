namespace Tracker.Engine.Participants;

/// <summary>
/// Finds the pseudonymous id behind an address, so a researcher handling a participant's email ("please delete my
/// data") can act on it without reading the contacts table. An erased participant's address is gone, so it is not found.
/// </summary>
public sealed class ParticipantLookup(ParticipantRepository participants)
{
    public async Task<string?> FindAsync(string panelId, string email, CancellationToken cancellationToken)
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
