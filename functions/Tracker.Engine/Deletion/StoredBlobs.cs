namespace Tracker.Engine.Deletion;

/// <summary>A panel's blobs in one container (sealed waves, model versions), by name.</summary>
public sealed record StoredBlobs(string Container, IReadOnlyList<string> Names)
{
    public int Count => Names.Count;
}
