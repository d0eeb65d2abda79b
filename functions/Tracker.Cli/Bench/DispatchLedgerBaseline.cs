using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.Cli.Bench;

/// <summary>
/// The third baseline of <c>tracker bench dispatch</c>: the ledger work that exactly-once sending cannot do without,
/// alone, against the same Azurite and table, with no SMTP, no queue and no participant reads. Per batch of
/// <c>batchSize</c> participants: one entity-group transaction inserting the rows (the planner's), one claiming them
/// (each row replaced on the ETag its insert returned, as a claim must be conditional) and one marking them sent (on
/// the claim's ETag) — three requests per batch instead of the per-message claim and mark Tracker's senders make as
/// each message goes out. As many batches run at once as Tracker's queue delivers. The rate it reaches is the
/// storage-bound ceiling Tracker's own rate is read against (<see cref="DispatchBenchReport.RatioToLedger"/>).
/// </summary>
public static class DispatchLedgerBaseline
{
    /// <param name="ledger">The invitation ledger table Tracker writes; the baseline uses a partition of its own.</param>
    public static async Task<SmtpPhase> RunAsync(TableClient ledger, int participants, int batchSize, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var partition = InvitationEntity.Partition(string.Create(CultureInfo.InvariantCulture, $"ledger-only-{Guid.NewGuid():N}"), 1);
        var batches = (participants + batchSize - 1) / batchSize;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches)
            {
                var first = batch * batchSize;
                await OneBatchAsync(ledger, partition, first, Math.Min(batchSize, participants - first), cancellationToken);
            }
        }));
        return new SmtpPhase($"ledger only (insert, claim, mark: 3 transactions per {batchSize})", 0, participants, clock.Elapsed);
    }

    private static async Task OneBatchAsync(TableClient ledger, string partition, int first, int count, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var rows = new InvitationEntity[count];
        for (var k = 0; k < count; k++)
        {
            var participantId = string.Create(CultureInfo.InvariantCulture, $"p{first + k:D7}");
            rows[k] = new InvitationEntity
            {
                PartitionKey = partition,
                RowKey = InvitationEntity.Row(participantId, MessageKind.Invite),
                Kind = MessageKind.Invite,
                State = LedgerEntity.Queued,
                ClosesAt = now.AddDays(7),
                MessageId = string.Create(CultureInfo.InvariantCulture, $"{participantId}.ledger-only@example.org"),
            };
        }

        await SubmitAsync(ledger, rows, TableTransactionActionType.Add, cancellationToken);
        foreach (var row in rows)
        {
            row.State = LedgerEntity.Claimed;
            row.ClaimedAt = now;
            row.Attempts = 1;
        }

        await SubmitAsync(ledger, rows, TableTransactionActionType.UpdateReplace, cancellationToken);
        foreach (var row in rows)
        {
            row.State = LedgerEntity.Sent;
            row.SentAt = TimeProvider.System.GetUtcNow();
        }

        await SubmitAsync(ledger, rows, TableTransactionActionType.UpdateReplace, cancellationToken);
    }

    /// <summary>One entity-group transaction over the rows, each update conditional on the row's last ETag; the new ETags are kept.</summary>
    private static async Task SubmitAsync(TableClient ledger, InvitationEntity[] rows, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var actions = rows.Select(row => new TableTransactionAction(action, row, row.ETag));
        var responses = await ledger.SubmitTransactionAsync(actions, cancellationToken);
        for (var k = 0; k < rows.Length; k++) rows[k].ETag = responses.Value[k].Headers.ETag ?? throw new InvalidOperationException("Azurite answered a ledger write without an ETag.");
    }
}
