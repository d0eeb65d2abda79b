using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Tracker.Engine.Storage;

/// <summary>
/// The storage account's clients, with every table, container and queue created once per process
/// (creating on every call would double the requests on the hot path).
/// </summary>
public sealed class TrackerStorage(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
{
    private readonly Lock gate = new();
    private Task? creation;

    public TableServiceClient Tables { get; } = tables;

    public BlobServiceClient Blobs { get; } = blobs;

    public QueueServiceClient Queues { get; } = queues;

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    /// <summary>Creates what is missing, once; a failed attempt is retried by the next caller (an outage at start-up must not stick).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (gate)
        {
            if (creation is null || creation.IsFaulted || creation.IsCanceled)
            {
                creation = CreateAllAsync();
            }

            task = creation;
        }

        return task.WaitAsync(cancellationToken);
    }

    private Task CreateAllAsync() =>
        Task.WhenAll(
            StorageNames.Tables.Select(t => (Task)Tables.CreateTableIfNotExistsAsync(t))
                .Concat(StorageNames.Containers.Select(c => (Task)Blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync()))
                .Concat(StorageNames.Queues.Select(q => (Task)Queues.GetQueueClient(q).CreateIfNotExistsAsync())));
}
