using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Invitations;

/// <summary>
/// What a dispatch batch needs to know about its participants, read once for the whole batch: their rows, their
/// contacts and their ledger rows in the wave (with ETags, so a claim made from it still loses to anyone who changed
/// the row since). A batch's participants are a run of consecutive ids (the planner queues in id order), so each is one
/// range query. A snapshot older than <see cref="FreshFor"/> is read again before the batch's next message (a batch
/// shares the connections with others, or waits for a low send rate, and can run for minutes), so an opt-out, leave or
/// erasure is never missed by more than that.
/// </summary>
public sealed class BatchSnapshot
{
    /// <summary>How long a batch's reads stand for its participants' state before a message reads it again.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyDictionary<string, Participant> participants;
    private readonly IReadOnlyDictionary<string, ContactEntity> contacts;
    private readonly IReadOnlyDictionary<string, InvitationEntity> rows;

    private BatchSnapshot(
        DateTimeOffset readAt,
        IReadOnlyDictionary<string, Participant> participants,
        IReadOnlyDictionary<string, ContactEntity> contacts,
        IReadOnlyDictionary<string, InvitationEntity> rows)
    {
        ReadAt = readAt;
        this.participants = participants;
        this.contacts = contacts;
        this.rows = rows;
    }

    /// <summary>When the reads started: anything changed after may not be in it.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <summary>Reads the batch's participants, contacts and ledger rows (three queries, run together).</summary>
    public static async Task<BatchSnapshot> ReadAsync(
        ParticipantRepository repository, InvitationLedger ledger, string panelId, int wave, IReadOnlyCollection<DispatchItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.ParticipantId).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new BatchSnapshot(now, new Dictionary<string, Participant>(), new Dictionary<string, ContactEntity>(), new Dictionary<string, InvitationEntity>());
        var (first, last) = (ids[0], ids[^1]);
        var participantRows = repository.GetRangeAsync(panelId, first, last, cancellationToken);
        var contactRows = repository.GetContactRangeAsync(panelId, first, last, cancellationToken);
        var ledgerRows = ledger.ReadParticipantRangeAsync(panelId, wave, first, last, cancellationToken);
        await Task.WhenAll(participantRows, contactRows, ledgerRows).ConfigureAwait(false);
        return new BatchSnapshot(now, await participantRows.ConfigureAwait(false), await contactRows.ConfigureAwait(false), await ledgerRows.ConfigureAwait(false));
    }

    /// <summary>Whether the snapshot still stands for the participants' state at <paramref name="now"/>.</summary>
    public bool IsFresh(DateTimeOffset now) => now - ReadAt < FreshFor;

    public Participant? Participant(string participantId) => participants.GetValueOrDefault(participantId);

    public ContactEntity? Contact(string participantId) => contacts.GetValueOrDefault(participantId);

    /// <summary>The message's ledger row as read (null: there was none, e.g. a claim released after a transient failure).</summary>
    public InvitationEntity? Row(string participantId, string kind) => rows.GetValueOrDefault(InvitationEntity.Row(participantId, kind));

    /// <summary>As <see cref="InvitationLedger.InvitationClosesAtAsync"/>, from the rows read.</summary>
    public DateTimeOffset? InvitationClosesAt(string participantId) => Row(participantId, MessageKind.Invite)?.ClosesAt;
}
