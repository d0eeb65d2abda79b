namespace Tracker.LocalHost.Stack;

/// <summary>One message's details (<c>GET /api/messages/{id}</c>): addresses, subject and top-level headers.</summary>
public sealed record Smtp4devMessage
{
    public required string Id { get; init; }

    public string From { get; init; } = string.Empty;

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    public IReadOnlyList<string> Bcc { get; init; } = [];

    public IReadOnlyList<string> DeliveredTo { get; init; } = [];

    public string Subject { get; init; } = string.Empty;

    public DateTimeOffset ReceivedDate { get; init; }

    public bool HasHtmlBody { get; init; }

    public bool HasPlainTextBody { get; init; }

    public IReadOnlyList<Smtp4devHeader> Headers { get; init; } = [];

    /// <summary>The first value of a header (case-insensitive name), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

public sealed record Smtp4devHeader(string Name, string Value);
