using Azure;
using Azure.Data.Tables;

namespace Tracker.Engine.Storage;

/// <summary>
/// Group commit (<see cref="PartitionGroupCommit{TEntity, TResult}"/>) for rows inserted once and never overwritten —
/// first submissions to a panel's wave, the first open of a link: under load one round trip carries many, and an
/// acknowledgement still means stored. A row that already exists is reported back (false) and costs the others nothing.
/// </summary>
public sealed class InsertGroupCommit<TEntity> : PartitionGroupCommit<TEntity, bool>
    where TEntity : class, ITableEntity
{
    /// <summary>True when the row was inserted, false when one with its keys already exists.</summary>
    public Task<bool> InsertAsync(TableClient table, TEntity entity, CancellationToken cancellationToken) => WriteAsync(table, entity, cancellationToken);

    protected override bool Lost => false;

    protected override bool IsLost(int status) => status == 409;

    protected override async Task<bool> WriteAloneAsync(TableClient table, TEntity row)
    {
        await table.AddEntityAsync(row, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    protected override TableTransactionAction ActionFor(TEntity row) => new(TableTransactionActionType.Add, row);

    protected override bool Committed(Response response) => true;
}
