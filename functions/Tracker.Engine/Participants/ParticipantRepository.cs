using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Participants;

/// <summary>
/// Participants and their contacts: two tables with the same keys, so personal data can be erased alone. Contacts are
/// read by exact partition (the panel id); the enrolment index and the erased addresses live in other partitions of the
/// contacts table (<see cref="ContactIndexEntity"/>, <see cref="ErasedAddressEntity"/>).
/// </summary>
public sealed class ParticipantRepository(TrackerStorage storage)
{
    private const int MaxBatch = 100;

    private TableClient Participants => storage.Table(StorageNames.ParticipantsTable);

    private TableClient Contacts => storage.Table(StorageNames.ContactsTable);

    public async Task<IReadOnlyList<Participant>> ListAsync(string panelId, CancellationToken cancellationToken) =>
        (await ListEntitiesAsync(panelId, cancellationToken).ConfigureAwait(false)).Select(ToParticipant).ToList();

    public async Task<PanelMembers> ListMembersAsync(string panelId, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(panelId, cancellationToken).ConfigureAwait(false);
        var contacts = await GetContactsAsync(panelId, cancellationToken).ConfigureAwait(false);
        return new PanelMembers(
            rows.Where(m => !m.Active || contacts.ContainsKey(m.Id)).ToList(),
            rows.Count(m => m.Active && !contacts.ContainsKey(m.Id)));
    }

    public async Task<IReadOnlyList<ParticipantEntity>> ListEntitiesAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<ParticipantEntity>();
        await foreach (var e in Participants.QueryAsync<ParticipantEntity>(e => e.PartitionKey == panelId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(e);
        }

        return list;
    }

    public async Task<Participant?> GetAsync(string panelId, string participantId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await Participants.GetEntityIfExistsAsync<ParticipantEntity>(panelId, participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToParticipant(response.Value!) : null;
    }

    public async Task<ContactEntity?> GetContactAsync(string panelId, string participantId, CancellationToken cancellationToken)
    {
        var response = await Contacts.GetEntityIfExistsAsync<ContactEntity>(panelId, participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The participants with ids from <paramref name="first"/> to <paramref name="last"/>, keyed by id: one query for a dispatch batch.</summary>
    public async Task<Dictionary<string, Participant>> GetRangeAsync(string panelId, string first, string last, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = await RowKeyRange.ReadAsync<ParticipantEntity>(Participants, panelId, first, last, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(kv => kv.Key, kv => ToParticipant(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The contacts of participants <paramref name="first"/> to <paramref name="last"/>, keyed by participant id.</summary>
    public async Task<Dictionary<string, ContactEntity>> GetContactRangeAsync(string panelId, string first, string last, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await RowKeyRange.ReadAsync<ContactEntity>(Contacts, panelId, first, last, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every contact of a panel, keyed by participant id; one partition scan instead of a read per participant.</summary>
    public async Task<Dictionary<string, ContactEntity>> GetContactsAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var contacts = new Dictionary<string, ContactEntity>(StringComparer.Ordinal);
        await foreach (var c in Contacts.QueryAsync<ContactEntity>(e => e.PartitionKey == panelId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            contacts[c.RowKey] = c;
        }

        return contacts;
    }

    /// <summary>Records an opt-out choice on the participant row (ETag-checked, retried on a race); choosing twice changes nothing more.</summary>
    public async Task RecordOptOutAsync(string panelId, string participantId, OptOut.OptOutChoice choice, int wave, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await Participants.GetEntityIfExistsAsync<ParticipantEntity>(panelId, participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.HasValue) return;
            var entity = response.Value!;
            switch (choice)
            {
                case OptOut.OptOutChoice.SkipWave:
                    var skipped = entity.Skipped().ToHashSet();
                    if (!skipped.Add(wave)) return;
                    entity.SkippedWaves = string.Join(',', skipped.Order());
                    break;
                case OptOut.OptOutChoice.StopReminders:
                    if (entity.RemindersOff) return;
                    entity.RemindersOff = true;
                    break;
                default:
                    if (entity.Status == ParticipantEntity.Left) return;
                    entity.Status = ParticipantEntity.Left;
                    entity.LeftAt = now;
                    entity.LeftWave = wave;
                    break;
            }

            try
            {
                await Participants.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // Changed meanwhile (another choice, an import): read again and apply on top.
            }
        }
    }

    /// <summary>
    /// Marks the participant erased (ETag-checked, re-read on a race) with every field that could describe them cleared;
    /// the pseudonymous row stays as a tombstone so nothing is sent again and readers of older data can leave them out.
    /// Returns false when there is no such participant row.
    /// </summary>
    public async Task<bool> MarkErasedAsync(string panelId, string participantId, bool responsesErased, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var response = await Participants.GetEntityIfExistsAsync<ParticipantEntity>(panelId, participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.HasValue) return false;
            var entity = response.Value!;
            entity.Status = ParticipantEntity.Erased;
            entity.LeftAt ??= now;
            entity.ResponsesErased = entity.ResponsesErased || responsesErased;
            entity.TimeZone = "";
            entity.SkippedWaves = null;
            entity.RemindersOff = false;
            try
            {
                await Participants.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // Changed meanwhile (an opt-out, an import): read again so the erasure lands on the latest row.
            }
        }
    }

    /// <summary>Deletes the contact row (erasure); already gone is fine.</summary>
    public async Task DeleteContactAsync(string panelId, string participantId, CancellationToken cancellationToken)
    {
        try
        {
            await Contacts.DeleteEntityAsync(panelId, participantId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: erasure is idempotent.
        }
    }

    public async Task<ParticipantEntity?> GetEntityAsync(string panelId, string participantId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await Participants.GetEntityIfExistsAsync<ParticipantEntity>(panelId, participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Writes newly enrolled participants: contacts first, then participant rows, so an import that stops between the
    /// two leaves contacts nobody sends to or counts (a re-run finishes them), never a participant without a contact.
    /// Their ids are fresh and owned by this import's index rows, so nothing existing is overwritten.
    /// </summary>
    public async Task AddNewAsync(IReadOnlyList<ContactEntity> contacts, IReadOnlyList<ParticipantEntity> participants, Func<CancellationToken, Task>? between, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await SubmitAsync(Contacts, contacts, TableTransactionActionType.UpsertReplace, cancellationToken).ConfigureAwait(false);
        if (between is not null) await between(cancellationToken).ConfigureAwait(false);
        await SubmitAsync(Participants, participants, TableTransactionActionType.UpsertReplace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the row unless one exists (finishing an interrupted enrolment that another import may be finishing too).</summary>
    public async Task<bool> TryAddAsync(ContactEntity contact, CancellationToken cancellationToken) => await TryAddAsync(Contacts, contact, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="TryAddAsync(ContactEntity, CancellationToken)"/>
    public async Task<bool> TryAddAsync(ParticipantEntity participant, CancellationToken cancellationToken) => await TryAddAsync(Participants, participant, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sets the time zone on the row as read, ETag-checked: when the row changed meanwhile (a leave, an erasure) it is
    /// read again and the time zone applied on top, so nothing recorded since the read is reverted. An erased or
    /// vanished participant is left alone (false).
    /// </summary>
    public async Task<bool> UpdateTimeZoneAsync(ParticipantEntity read, string timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var entity = read;
        for (var attempt = 0; ; attempt++)
        {
            if (entity.Status == ParticipantEntity.Erased) return false;
            if (entity.TimeZone == timeZone) return true;
            entity.TimeZone = timeZone;
            try
            {
                await Participants.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < 5)
            {
                var again = await Participants.GetEntityIfExistsAsync<ParticipantEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!again.HasValue) return false;
                entity = again.Value!;
            }
        }
    }

    /// <summary>
    /// Sets what an imported line says about the contact as read — external id, first name, language; a null leaves that
    /// field as stored — ETag-checked like <see cref="UpdateTimeZoneAsync"/>; an erased (deleted) contact stays deleted.
    /// Only the given fields are written again after a conflict, so a language chosen on the form meanwhile is kept.
    /// </summary>
    public Task<bool> UpdateContactAsync(ContactEntity read, string? externalId, string? firstName, string? language, CancellationToken cancellationToken) =>
        ChangeContactAsync(
            read,
            c => (externalId is null || c.ExternalId == externalId) && (firstName is null || c.FirstName == firstName) && (language is null || c.Language == language),
            c =>
            {
                c.ExternalId = externalId ?? c.ExternalId;
                c.FirstName = firstName ?? c.FirstName;
                c.Language = language ?? c.Language;
            },
            cancellationToken);

    /// <summary>Sets the participant's language (null: the panel's default) on the contact as read, as <see cref="UpdateContactAsync"/> does.</summary>
    public Task<bool> UpdateLanguageAsync(ContactEntity read, string? language, CancellationToken cancellationToken) =>
        ChangeContactAsync(read, c => c.Language == language, c => c.Language = language, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the contact, reading it again when another writer got there first; false when it was erased.</summary>
    private async Task<bool> ChangeContactAsync(ContactEntity read, Func<ContactEntity, bool> done, Action<ContactEntity> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var entity = read;
        for (var attempt = 0; ; attempt++)
        {
            if (done(entity)) return true;
            change(entity);
            try
            {
                await Contacts.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < 5)
            {
                var again = await Contacts.GetEntityIfExistsAsync<ContactEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!again.HasValue) return false;
                entity = again.Value!;
            }
        }
    }

    private static async Task<bool> TryAddAsync<T>(TableClient table, T entity, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static async Task SubmitAsync<T>(TableClient table, IReadOnlyList<T> entities, TableTransactionActionType action, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(action, e)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Participant ToParticipant(ParticipantEntity e) =>
        new(e.PartitionKey, e.RowKey, e.TimeZone, e.Status == ParticipantEntity.Active, e.EnrolledAt)
        {
            RemindersOff = e.RemindersOff,
            SkippedWaves = e.Skipped(),
            LeftWave = e.LeftWave,
        };
}
