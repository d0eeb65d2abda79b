using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Responses;

/// <summary>
/// Group commit (<see cref="PartitionGroupCommit{TEntity, TResult}"/>) for first submissions to one panel's wave: under
/// load one round trip carries many, and an acknowledgement still means stored. A row that already exists is reported
/// back (false) for the caller's read-and-replace path.
/// </summary>
public sealed class ResponseInsertBatcher : PartitionGroupCommit<ResponseEntity, bool>
{
    /// <summary>True when the row was inserted, false when one with its keys already exists.</summary>
    public Task<bool> InsertAsync(TableClient table, ResponseEntity entity, CancellationToken cancellationToken) => WriteAsync(table, entity, cancellationToken);

    protected override bool Lost => false;

    protected override bool IsLost(int status) => status == 409;

    protected override async Task<bool> WriteAloneAsync(TableClient table, ResponseEntity row)
    {
        await table.AddEntityAsync(row, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    protected override TableTransactionAction ActionFor(ResponseEntity row) => new(TableTransactionActionType.Add, row);

    protected override bool Committed(Response response) => true;
}
