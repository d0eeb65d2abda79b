using Azure;
using Azure.Data.Tables;

namespace Tracker.Engine.Storage;

/// <summary>
/// Group commit (<see cref="PartitionGroupCommit{TEntity, TResult}"/>) for a send ledger's ETag-conditional replaces
/// (claims and marks): under load (many senders on one wave) one round trip carries many. Each row keeps its own ETag
/// condition, so when one changed meanwhile (another sender claimed it, a planner re-stamped it) that row is answered
/// "lost" and the rest go again: a claim or a mark means the same as a single conditional update.
/// </summary>
public sealed class LedgerUpdateBatcher : PartitionGroupCommit<ITableEntity, ETag?>
{
    /// <summary>
    /// Replaces <paramref name="row"/> if its ETag still matches; returns the new ETag, or null when the row changed or
    /// is gone (412/404), exactly as a single conditional update would.
    /// </summary>
    public Task<ETag?> ReplaceAsync(TableClient table, ITableEntity row, CancellationToken cancellationToken) => WriteAsync(table, row, cancellationToken);

    protected override ETag? Lost => null;

    protected override bool IsLost(int status) => status is 404 or 412;

    protected override async Task<ETag?> WriteAloneAsync(TableClient table, ITableEntity row) =>
        Committed(await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false));

    protected override TableTransactionAction ActionFor(ITableEntity row) => new(TableTransactionActionType.UpdateReplace, row, row.ETag);

    // Without the new ETag a later conditional mark could not be fenced; storage always returns one for a replace.
    protected override ETag? Committed(Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException("Table storage returned no ETag for a committed replace.");
}
