using Azure;
using Azure.Data.Tables;

namespace Tracker.Engine.Storage;

/// <summary>The four properties every Table storage entity carries.</summary>
public abstract class TableEntityBase : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
