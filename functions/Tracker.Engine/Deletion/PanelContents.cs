namespace Tracker.Engine.Deletion;

/// <summary>
/// Everything a panel has stored, per table, container and queue: what a dry run says will go, or what a deletion
/// removed. Every table, container and queue of <see cref="Storage.StorageNames"/> is listed, with zero where it holds nothing.
/// </summary>
public sealed record PanelContents(string PanelId, IReadOnlyList<StoredRows> Tables, IReadOnlyList<StoredBlobs> Blobs, IReadOnlyList<QueuedMessages> Queues)
{
    public int TotalRows => Tables.Sum(t => t.Rows);

    public int TotalBlobs => Blobs.Sum(b => b.Count);

    public int TotalMessages => Queues.Sum(q => q.Messages);
}
