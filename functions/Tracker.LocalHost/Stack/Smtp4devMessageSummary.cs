namespace Tracker.LocalHost.Stack;

/// <summary>A message as smtp4dev lists it (<c>GET /api/messages</c>).</summary>
public sealed record Smtp4devMessageSummary
{
    public required string Id { get; init; }

    public string From { get; init; } = string.Empty;

    public IReadOnlyList<string> To { get; init; } = [];

    public string Subject { get; init; } = string.Empty;

    public DateTimeOffset ReceivedDate { get; init; }

    /// <summary>The envelope recipients as one comma-separated string, as smtp4dev reports them.</summary>
    public string DeliveredTo { get; init; } = string.Empty;

    public int AttachmentCount { get; init; }

    public bool IsUnread { get; init; }
}
