using Microsoft.Extensions.Logging;
using Tracker.Engine.Common;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Participants;

/// <summary>
/// Enrols participants from a CSV: new addresses become new pseudonymous participants, known addresses update their
/// external id, first name, language and time zone, and every refused line is reported with its number. Matching is by address,
/// case-insensitively, through the enrolment index (<see cref="ContactIndex"/>): its row is inserted before anything
/// else, so imports running at once or again enrol each address once, and one that stopped half-way is finished by a
/// re-run. Updates are ETag-checked, so a leave or an erasure recorded while an import runs is never reverted.
/// </summary>
public sealed class ParticipantImporter(ParticipantRepository participants, ContactIndex index, ErasedAddresses erased, AddressHasher hasher, TimeProvider clock, ILogger<ParticipantImporter> logger)
{
    public const string ErasedReason = "erased at the participant's request; this address cannot be enrolled in this panel again";
    public const string BrokenIndexReason = "the enrolment index entry of this address names no valid participant (damaged storage); the line was not imported";
    public const string MismatchReason = "the enrolment index entry of this address points to a participant with another address (damaged storage); the line was not imported";

    /// <summary>Called at each <see cref="ImportStage"/>; null in production. Tests interleave other writes or inject a failure here.</summary>
    public Func<ImportStage, CancellationToken, Task>? Interleave { get; set; }

    public async Task<Validation<ParticipantImportResult>> ImportAsync(Panel panel, TextReader csv, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var parsed = ParticipantCsvParser.Parse(csv, panel.DefaultTimeZone, panel.Languages);
        if (parsed.FileProblem is not null)
        {
            return Validation<ParticipantImportResult>.Invalid([parsed.FileProblem]);
        }

        var contacts = await participants.GetContactsAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var existing = (await participants.ListEntitiesAsync(panel.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.RowKey, StringComparer.Ordinal);
        var suppressed = await erased.LoadAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var enrolled = await index.LoadAsync(panel.Id, contacts, existing, dryRun, cancellationToken).ConfigureAwait(false);
        await StageAsync(ImportStage.Read, cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var rejected = parsed.Rejected.ToList();
        var fresh = new List<(ParticipantRow Row, ContactIndexEntity Entry)>();
        var known = new List<(ParticipantRow Row, ContactIndexEntity Entry)>();
        var enrolmentClosed = panel.Schedule.Kind == ScheduleKind.Rolling && panel.Schedule.EnrolUntil is { } until && now > until;
        foreach (var row in parsed.Rows)
        {
            if (suppressed.MatchingKeyId(row.Email) is { } erasedUnder)
            {
                // Listed under a link key since rotated: list it under the active key too, so it outlives the old key.
                if (!dryRun && erasedUnder != hasher.ActiveKeyId) await erased.RecordAsync(panel.Id, row.Email, now, cancellationToken).ConfigureAwait(false);
                rejected.Add(new RejectedLine(row.Line, ErasedReason));
                continue;
            }

            var hash = hasher.Hash(row.Email);
            if (enrolled.TryGetValue(hash, out var entry))
            {
                known.Add((row, entry));
                continue;
            }

            if (enrolmentClosed)
            {
                // A rolling panel's waves are sealed on the assumption that nobody joins after enrolUntil.
                rejected.Add(new RejectedLine(row.Line, $"enrolment closed at {panel.Schedule.EnrolUntil:u}; new participants cannot join this rolling panel"));
                continue;
            }

            fresh.Add((row, new ContactIndexEntity { PartitionKey = ContactIndexEntity.Partition(panel.Id), RowKey = hash, ParticipantId = Ids.NewParticipantId(), KeyId = hasher.ActiveKeyId }));
        }

        if (!dryRun && fresh.Count > 0)
        {
            // The index row is the guard: whatever another import indexed first is theirs, and this import treats it as known.
            var taken = (await index.InsertAsync(fresh.Select(f => f.Entry).ToList(), cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.RowKey, StringComparer.Ordinal);
            known.AddRange(fresh.Where(f => taken.ContainsKey(f.Entry.RowKey)).Select(f => (f.Row, taken[f.Entry.RowKey])));
            fresh = fresh.Where(f => !taken.ContainsKey(f.Entry.RowKey)).ToList();
            await StageAsync(ImportStage.IndexWritten, cancellationToken).ConfigureAwait(false);
            await participants.AddNewAsync(
                fresh.Select(f => NewContact(panel.Id, f.Entry.ParticipantId, f.Row)).ToList(),
                fresh.Select(f => NewParticipant(panel.Id, f.Entry.ParticipantId, f.Row, now)).ToList(),
                ct => StageAsync(ImportStage.ContactsWritten, ct),
                cancellationToken).ConfigureAwait(false);
        }

        int updated = 0, unchanged = 0, completed = 0;
        foreach (var (row, entry) in known.OrderBy(k => k.Row.Line))
        {
            var outcome = await ApplyKnownAsync(panel.Id, row, entry, contacts, existing, dryRun, now, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case KnownOutcome.Updated: updated++; break;
                case KnownOutcome.Unchanged: unchanged++; break;
                case KnownOutcome.Completed: completed++; break;
                case KnownOutcome.Erased: rejected.Add(new RejectedLine(row.Line, ErasedReason)); break;
                case KnownOutcome.BrokenIndex: rejected.Add(new RejectedLine(row.Line, BrokenIndexReason)); break;
                default: rejected.Add(new RejectedLine(row.Line, MismatchReason)); break;
            }
        }

        logger.LogInformation(
            "Participant import for panel {PanelId}: {Added} added, {Completed} completed, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected (dry run: {DryRun})",
            panel.Id, fresh.Count, completed, updated, unchanged, rejected.Count, dryRun);
        return Validation<ParticipantImportResult>.Valid(new ParticipantImportResult(fresh.Count, updated, unchanged, rejected.OrderBy(r => r.Line).ToList()) { Completed = completed });
    }

    /// <summary>A line whose address the index knows: finish its enrolment if it was interrupted, else apply its changes.</summary>
    private async Task<KnownOutcome> ApplyKnownAsync(
        string panelId,
        ParticipantRow row,
        ContactIndexEntity entry,
        Dictionary<string, ContactEntity> contacts,
        Dictionary<string, ParticipantEntity> existing,
        bool dryRun,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = entry.ParticipantId;
        if (!Ids.LooksLikeId(id)) return KnownOutcome.BrokenIndex;

        // Read again when the first read missed it: another import may have written it since.
        var contact = contacts.GetValueOrDefault(id) ?? await participants.GetContactAsync(panelId, id, cancellationToken).ConfigureAwait(false);
        var participant = existing.GetValueOrDefault(id) ?? await participants.GetEntityAsync(panelId, id, cancellationToken).ConfigureAwait(false);
        if (participant?.Status == ParticipantEntity.Erased) return KnownOutcome.Erased;
        if (contact is not null && !string.Equals(AddressHasher.Normalise(contact.Email), AddressHasher.Normalise(row.Email), StringComparison.Ordinal)) return KnownOutcome.Mismatch;

        if (contact is null || participant is null)
        {
            if (!dryRun)
            {
                if (contact is null) await participants.TryAddAsync(NewContact(panelId, id, row), cancellationToken).ConfigureAwait(false);
                if (participant is null) await participants.TryAddAsync(NewParticipant(panelId, id, row, now), cancellationToken).ConfigureAwait(false);
            }

            return KnownOutcome.Completed;
        }

        var externalChanged = row.ExternalId is not null && row.ExternalId != contact.ExternalId;
        var firstNameChanged = row.FirstName is not null && row.FirstName != contact.FirstName;
        var zoneChanged = row.TimeZone != participant.TimeZone;
        var languageChanged = row.Language is not null && row.Language != contact.Language;
        if (!externalChanged && !firstNameChanged && !zoneChanged && !languageChanged) return KnownOutcome.Unchanged;
        if (!dryRun)
        {
            if ((externalChanged || firstNameChanged || languageChanged)
                && !await participants.UpdateContactAsync(contact, externalChanged ? row.ExternalId : null, firstNameChanged ? row.FirstName : null, languageChanged ? row.Language : null, cancellationToken).ConfigureAwait(false))
            {
                return KnownOutcome.Erased;
            }

            if (zoneChanged && !await participants.UpdateTimeZoneAsync(participant, row.TimeZone, cancellationToken).ConfigureAwait(false)) return KnownOutcome.Erased;
        }

        return KnownOutcome.Updated;
    }

    private Task StageAsync(ImportStage stage, CancellationToken cancellationToken) => Interleave?.Invoke(stage, cancellationToken) ?? Task.CompletedTask;

    private static ContactEntity NewContact(string panelId, string id, ParticipantRow row) =>
        new() { PartitionKey = panelId, RowKey = id, Email = row.Email, ExternalId = row.ExternalId, FirstName = row.FirstName, Language = row.Language };

    private static ParticipantEntity NewParticipant(string panelId, string id, ParticipantRow row, DateTimeOffset now) =>
        new() { PartitionKey = panelId, RowKey = id, Status = ParticipantEntity.Active, TimeZone = row.TimeZone, EnrolledAt = now };

    private enum KnownOutcome
    {
        Updated,
        Unchanged,
        Completed,
        Erased,
        BrokenIndex,
        Mismatch,
    }
}
