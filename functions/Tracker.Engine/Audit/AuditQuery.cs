namespace Tracker.Engine.Audit;

/// <summary>Which of a panel's audit rows to read: a time window, one action, one caller; newest first, a page at a time.</summary>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Action = null, string? Who = null, int PageSize = 100, string? Continuation = null);
