namespace Tracker.LocalHost.Stack;

/// <summary>How to start <see cref="Smtp4devServer"/>.</summary>
public sealed class Smtp4devOptions
{
    /// <summary>The repository whose .config/dotnet-tools.json pins smtp4dev; null finds it with <see cref="RepositoryRoot"/>.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Fixed ports; null or 0 picks free loopback ports.</summary>
    public int? SmtpPort { get; set; }

    public int? WebPort { get; set; }

    /// <summary>
    /// How many messages the Default mailbox keeps (smtp4dev's default is 100, fewer than a demo panel's waves send).
    /// </summary>
    public int MessagesToKeep { get; set; } = 100_000;

    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
