namespace Tracker.LocalHost.Stack;

/// <summary>How to start <see cref="AzuriteServer"/>.</summary>
public sealed class AzuriteOptions
{
    /// <summary>The repository whose node_modules holds the pinned Azurite; null finds it with <see cref="RepositoryRoot"/>.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>
    /// Keep data on disk (no <c>--inMemoryPersistence</c>) so it survives <see cref="AzuriteServer.RestartAsync"/>.
    /// Default: in memory, as tests want.
    /// </summary>
    public bool Persistent { get; set; }

    /// <summary>The data folder (<c>--location</c>); null uses a fresh temp folder, deleted on dispose.</summary>
    public string? Location { get; set; }

    /// <summary>Fixed ports (e.g. 10000-10002 for a developer's tools); null or 0 picks free loopback ports.</summary>
    public int? BlobPort { get; set; }

    public int? QueuePort { get; set; }

    public int? TablePort { get; set; }

    /// <summary>How long to wait for every port to answer.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
