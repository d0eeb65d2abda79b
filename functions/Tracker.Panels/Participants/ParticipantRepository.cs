using Azure;
using Azure.Data.Tables;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Participants;

/// <summary>Participants and their contacts: two tables with the same keys, so personal data can be erased alone.</summary>
public sealed class ParticipantRepository
{
    private const int MaxBatch = 100;
    private readonly TrackerStorage storage;

    public ParticipantRepository(TrackerStorage storage) => this.storage = storage;

    private TableClient Participants => storage.Table(StorageNames.ParticipantsTable);

    private TableClient Contacts => storage.Table(StorageNames.ContactsTable);

    public async Task<IReadOnlyList<Participant>> ListAsync(string panelId, CancellationToken cancellationToken) =>
        (await ListEntitiesAsync(panelId, cancellationToken).ConfigureAwait(false)).Select(ToParticipant).ToList();

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
    /// Erasure: deletes the contact row (the only personal data) and marks the participant erased so nothing is sent
    /// again; the pseudonymous participant row stays as a tombstone so readers of sealed snapshots can leave them out.
    /// Returns false when there is no such participant.
    /// </summary>
    public async Task<bool> EraseAsync(string panelId, string participantId, bool responsesErased, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await Participants.GetEntityIfExistsAsync<ParticipantEntity>(panelId, participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue) return false;
        var entity = response.Value!;
        entity.Status = ParticipantEntity.Erased;
        entity.LeftAt ??= now;
        entity.ResponsesErased = entity.ResponsesErased || responsesErased;
        entity.TimeZone = "";
        await Participants.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await Contacts.DeleteEntityAsync(panelId, participantId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: erasure is idempotent.
        }

        return true;
    }

    /// <summary>
    /// Writes new and changed participants (participant rows first, so a contact never exists without its participant) and changed contacts,
    /// in transactions of at most 100 entities of one partition.
    /// </summary>
    public async Task SaveAsync(
        IReadOnlyList<ParticipantEntity> participants,
        IReadOnlyList<ContactEntity> contacts,
        CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await SubmitAsync(Participants, participants, TableTransactionActionType.UpsertReplace, cancellationToken).ConfigureAwait(false);
        await SubmitAsync(Contacts, contacts, TableTransactionActionType.UpsertReplace, cancellationToken).ConfigureAwait(false);
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
