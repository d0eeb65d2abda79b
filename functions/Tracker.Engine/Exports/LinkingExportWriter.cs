using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Exports;

/// <summary>
/// The linking file: one row per participant joining Tracker's pseudonymous id to the team's own id and the contact, so
/// a team can merge Tracker's data with its records. It holds personal data (addresses, first names) and is never part of
/// the bundle; only the admin key reaches it. An erased participant keeps a row with the id and status only.
/// </summary>
public static class LinkingExportWriter
{
    public const string Active = "active";
    public const string OptedOut = "opted_out";
    public const string Erased = "erased";

    public static IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("participant_id", "string", "Tracker's pseudonymous participant id (the participant_id of every other export)"),
        new("external_id", "string", "the team's own id from the participant CSV's external_id column (empty when not given)"),
        new("email", "string", "the address invitations go to (personal data; empty once erased)"),
        new("first_name", "string", "the first name from the participant CSV (personal data; empty when not given or erased)"),
        new("language", "string", "the participant's language (BCP 47, one of the panel's): the CSV's language column or the one chosen on the form, else the panel's default; empty once erased"),
        new("status", "string", "active, opted_out (left the panel) or erased"),
        new("consent", "string", "the participant's latest consent decision as decision:version (agreed:2027-01, declined:2027-01); empty when none is recorded or the panel asks for no consent; the whole record is the consent export"),
    ];

    /// <param name="consents">Where the consent decisions are kept; without it the consent column stays empty.</param>
    public static async Task<int> WriteAsync(ParticipantRepository participants, Panel panel, TextWriter output, Consent.ConsentRepository? consents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(panel);
        var rows = await participants.ListEntitiesAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var contacts = await participants.GetContactsAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var decisions = consents is null || panel.Consent is null
            ? new Dictionary<string, Consent.ConsentRecord>(StringComparer.Ordinal)
            : LatestDecisions(await consents.ListDecisionsAsync(panel.Id, cancellationToken).ConfigureAwait(false));
        // Disposed asynchronously: a synchronous flush into the HTTP response is refused by the server.
        await using var csv = CsvOutput.Open(output);
        await CsvOutput.WriteHeaderAsync(csv, Columns).ConfigureAwait(false);
        var written = 0;
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            var erased = row.Status == ParticipantEntity.Erased;
            var contact = erased ? null : contacts.GetValueOrDefault(row.RowKey);
            csv.WriteField(CsvCells.Text(row.RowKey));
            csv.WriteField(CsvCells.Text(contact?.ExternalId));
            csv.WriteField(CsvCells.Text(contact?.Email));
            csv.WriteField(CsvCells.Text(contact?.FirstName));
            csv.WriteField(contact is null ? "" : CsvCells.Text(Languages.ParticipantLanguage.Of(panel, contact)));
            csv.WriteField(erased ? Erased : row.Status == ParticipantEntity.Left ? OptedOut : Active);
            csv.WriteField(decisions.TryGetValue(row.RowKey, out var decision) ? $"{Consent.ConsentDecisions.Name(decision.Decision)}:{decision.Version}" : "");
            await csv.NextRecordAsync().ConfigureAwait(false);
            written++;
        }

        await csv.FlushAsync().ConfigureAwait(false);
        return written;
    }

    // The decision that stands now: the latest one per participant (a new version asks again).
    private static Dictionary<string, Consent.ConsentRecord> LatestDecisions(IReadOnlyList<Consent.ConsentRecord> records) =>
        records.GroupBy(r => r.ParticipantId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.DecidedAt)!, StringComparer.Ordinal);
}
