using Microsoft.Extensions.Logging;
using Tracker.Panels.Common;
using Tracker.Panels.Panels;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Participants;

/// <summary>
/// Enrols participants from a CSV: new emails become new pseudonymous participants, known emails update their
/// external id and time zone, and every refused line is reported with its number. Matching is by email, case-insensitively.
/// </summary>
public sealed class ParticipantImporter
{
    private readonly ParticipantRepository participants;
    private readonly TimeProvider clock;
    private readonly ILogger<ParticipantImporter> logger;

    public ParticipantImporter(ParticipantRepository participants, TimeProvider clock, ILogger<ParticipantImporter> logger)
    {
        this.participants = participants;
        this.clock = clock;
        this.logger = logger;
    }

    public async Task<Validation<ParticipantImportResult>> ImportAsync(Panel panel, TextReader csv, bool dryRun, CancellationToken cancellationToken)
    {
        var parsed = ParticipantCsvParser.Parse(csv, panel.DefaultTimeZone);
        if (parsed.FileProblem is not null)
        {
            return Validation<ParticipantImportResult>.Invalid([parsed.FileProblem]);
        }

        var contacts = await participants.GetContactsAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var existing = (await participants.ListEntitiesAsync(panel.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.RowKey, StringComparer.Ordinal);
        var byEmail = contacts.Values.ToDictionary(c => c.Email, StringComparer.OrdinalIgnoreCase);

        var now = clock.GetUtcNow();
        var participantWrites = new List<ParticipantEntity>();
        var contactWrites = new List<ContactEntity>();
        int added = 0, updated = 0, unchanged = 0;
        var rejected = parsed.Rejected.ToList();
        var enrolmentClosed = panel.Schedule.Kind == ScheduleKind.Rolling && panel.Schedule.EnrolUntil is { } until && now > until;
        foreach (var row in parsed.Rows)
        {
            if (byEmail.TryGetValue(row.Email, out var contact) && existing.TryGetValue(contact.RowKey, out var participant))
            {
                var externalChanged = row.ExternalId is not null && row.ExternalId != contact.ExternalId;
                var zoneChanged = row.TimeZone != participant.TimeZone;
                if (!externalChanged && !zoneChanged)
                {
                    unchanged++;
                    continue;
                }

                updated++;
                if (externalChanged)
                {
                    contact.ExternalId = row.ExternalId;
                    contactWrites.Add(contact);
                }

                if (zoneChanged)
                {
                    participant.TimeZone = row.TimeZone;
                    participantWrites.Add(participant);
                }

                continue;
            }

            if (enrolmentClosed)
            {
                // A rolling panel's waves are sealed on the assumption that nobody joins after enrolUntil.
                rejected.Add(new RejectedLine(row.Line, $"enrolment closed at {panel.Schedule.EnrolUntil:u}; new participants cannot join this rolling panel"));
                continue;
            }

            added++;
            var id = Ids.NewParticipantId();
            participantWrites.Add(new ParticipantEntity { PartitionKey = panel.Id, RowKey = id, Status = ParticipantEntity.Active, TimeZone = row.TimeZone, EnrolledAt = now });
            contactWrites.Add(new ContactEntity { PartitionKey = panel.Id, RowKey = id, Email = row.Email, ExternalId = row.ExternalId });
        }

        if (!dryRun)
        {
            await participants.SaveAsync(participantWrites, contactWrites, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation(
            "Participant import for panel {PanelId}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected (dry run: {DryRun})",
            panel.Id, added, updated, unchanged, rejected.Count, dryRun);
        return Validation<ParticipantImportResult>.Valid(new ParticipantImportResult(added, updated, unchanged, rejected.OrderBy(r => r.Line).ToList()));
    }
}
