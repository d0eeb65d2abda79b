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
        new(e.PartitionKey, e.RowKey, e.TimeZone, e.Status == ParticipantEntity.Active, e.EnrolledAt);
}
