using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Invitations;

/// <summary>
/// The invitation ledger. A message is claimed by inserting its row before it is sent, so of two
/// dispatchers racing for it exactly one wins. A claim that was never marked sent (the process died mid-send) may be
/// taken over once its lease has passed: that message is the only kind that can go out twice.
/// </summary>
public sealed class InvitationLedger
{
    /// <summary>The row kind that records a participant opening their link (not a message; never sent).</summary>
    public const string OpenedKind = "opened";

    public static readonly TimeSpan ClaimLease = SendLedger<InvitationEntity>.ClaimLease;
    private readonly TrackerStorage storage;
    private readonly SendLedger<InvitationEntity> ledger;
    private readonly InsertGroupCommit<InvitationEntity> opened = new();

    public InvitationLedger(TrackerStorage storage, Microsoft.Extensions.Options.IOptions<Tracker.Engine.Configuration.TrackerOptions>? options = null)
    {
        this.storage = storage;
        ledger = new SendLedger<InvitationEntity>(storage, StorageNames.InvitationsTable, options?.Value.ClaimLease);
    }

    private TableClient Table => ledger.Table;

    /// <summary>Every ledger row of a wave, keyed by row key (<c>{participant}~{kind}</c>).</summary>
    public async Task<Dictionary<string, InvitationEntity>> ReadWaveAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<string, InvitationEntity>(StringComparer.Ordinal);
        var partition = InvitationEntity.Partition(panelId, wave);
        await foreach (var row in Table.QueryAsync<InvitationEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }

    /// <summary>
    /// Every ledger row of the wave belonging to participants <paramref name="first"/> to <paramref name="last"/> (in
    /// id order), keyed by row key: one query for a dispatch batch instead of a read per message.
    /// </summary>
    public async Task<Dictionary<string, InvitationEntity>> ReadParticipantRangeAsync(string panelId, int wave, string first, string last, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Row keys are {participant}~{kind} and kinds start with a letter, which sorts before '~'.
        return await RowKeyRange.ReadAsync<InvitationEntity>(Table, InvitationEntity.Partition(panelId, wave), InvitationEntity.Row(first, ""), InvitationEntity.Row(last, "~"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The close fixed when the participant's invitation for the wave went out, or null (not sent, or sent before it was recorded).</summary>
    public async Task<DateTimeOffset?> InvitationClosesAtAsync(string panelId, int wave, string participantId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<InvitationEntity>(
            InvitationEntity.Partition(panelId, wave), InvitationEntity.Row(participantId, MessageKind.Invite), select: [nameof(InvitationEntity.ClosesAt)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.ClosesAt : null;
    }

    /// <summary>
    /// When the wave has closed for every participant: the schedule's latest close, or later when an invitation went
    /// out late (its row's close). Sealing and status wait for it.
    /// </summary>
    public async Task<DateTimeOffset> ClosesForEveryoneAtAsync(Panels.Panel panel, int wave, CancellationToken cancellationToken) =>
        ClosesForEveryoneAt(panel, wave, await ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false));

    /// <summary><see cref="ClosesForEveryoneAtAsync"/> from the wave's rows already read.</summary>
    public static DateTimeOffset ClosesForEveryoneAt(Panels.Panel panel, int wave, IReadOnlyDictionary<string, InvitationEntity> rows)
    {
        var latest = panel.Schedule.LatestClose(wave);
        foreach (var row in rows.Values)
        {
            if (row.Kind == MessageKind.Invite && row.ClosesAt is { } closes && closes > latest) latest = closes;
        }

        return latest;
    }

    /// <summary>Whether anything was ever planned or sent for the wave.</summary>
    public async Task<bool> AnyRowsAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = InvitationEntity.Partition(panelId, wave);
        await foreach (var _ in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <summary>Notes that the participant opened the wave's link; only the first time counts, later ones are a no-op.</summary>
    public async Task RecordOpenedAsync(string panelId, int wave, string participantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = NewRow(panelId, wave, participantId, OpenedKind);
        row.State = OpenedKind;
        row.ClaimedAt = now;

        // Links are opened in bursts after each send: opens to one wave share a transaction. A row already there was opened before.
        await opened.InsertAsync(Table, row, cancellationToken).ConfigureAwait(false);
    }

    public static InvitationEntity NewRow(string panelId, int wave, string participantId, string kind) => new()
    {
        PartitionKey = InvitationEntity.Partition(panelId, wave),
        RowKey = InvitationEntity.Row(participantId, kind),
        Kind = kind,
    };

    /// <summary>Claims the message for this caller (from nothing, from queued, or from a claim whose lease ran out), or returns null when someone else holds it or it has already gone.</summary>
    public Task<InvitationEntity?> TryClaimAsync(string panelId, int wave, string participantId, string kind, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = NewRow(panelId, wave, participantId, kind);
        row.MessageId = messageId;
        return ledger.TryClaimAsync(row, now, cancellationToken);
    }

    /// <summary>Claims a message the planner queued (see <see cref="SendLedger{TRow}.TryClaimQueuedAsync"/>); null when someone else holds it or it has gone.</summary>
    public Task<InvitationEntity?> TryClaimQueuedAsync(string panelId, int wave, string participantId, string kind, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = NewRow(panelId, wave, participantId, kind);
        row.MessageId = messageId;
        return ledger.TryClaimQueuedAsync(row, now, cancellationToken);
    }

    /// <summary>Claims the message from its row as read in a <see cref="BatchSnapshot"/> (see <see cref="SendLedger{TRow}.TryClaimReadAsync"/>).</summary>
    public Task<InvitationEntity?> TryClaimReadAsync(InvitationEntity? read, string panelId, int wave, string participantId, string kind, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = NewRow(panelId, wave, participantId, kind);
        row.MessageId = messageId;
        return ledger.TryClaimReadAsync(read, row, now, cancellationToken);
    }

    public Task<IReadOnlyList<InvitationEntity>> EnqueueAsync(IReadOnlyList<InvitationEntity> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        ledger.EnqueueAsync(rows, now, cancellationToken);

    /// <summary>See <see cref="SendLedger{TRow}.RequeueStaleAsync"/>.</summary>
    public Task<IReadOnlyList<InvitationEntity>> RequeueStaleAsync(IEnumerable<InvitationEntity> rows, DateTimeOffset now, bool includeQueued, CancellationToken cancellationToken) =>
        ledger.RequeueStaleAsync(rows, now, includeQueued, cancellationToken);

    /// <summary>Queues again the rows whose outcome is unknown (the researcher's deliberate re-send).</summary>
    public Task<IReadOnlyList<InvitationEntity>> RequeueUnknownAsync(IEnumerable<InvitationEntity> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        ledger.RequeueUnknownAsync(rows, now, cancellationToken);

    /// <summary>The claim lease this ledger uses (<c>Tracker:ClaimLease</c>).</summary>
    public TimeSpan Lease => ledger.Lease;

    public Task<bool> MarkSkippedAsync(InvitationEntity row, string reason, DateTimeOffset now, CancellationToken cancellationToken) => ledger.MarkSkippedAsync(row, reason, now, cancellationToken);

    public Task<bool> MarkSentAsync(InvitationEntity row, DateTimeOffset now, CancellationToken cancellationToken) => ledger.MarkSentAsync(row, now, cancellationToken);

    public Task<bool> MarkFailedAsync(InvitationEntity row, string reason, CancellationToken cancellationToken) => ledger.MarkFailedAsync(row, reason, cancellationToken);

    public Task<bool> MarkUnknownAsync(InvitationEntity row, string reason, DateTimeOffset now, CancellationToken cancellationToken) => ledger.MarkUnknownAsync(row, reason, now, cancellationToken);

    /// <summary>Gives a claim back after a transient failure so the next run retries it at once instead of after the lease.</summary>
    public Task ReleaseAsync(InvitationEntity row, CancellationToken cancellationToken) => ledger.ReleaseAsync(row, cancellationToken);
}
