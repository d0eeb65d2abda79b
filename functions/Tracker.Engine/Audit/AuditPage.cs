namespace Tracker.Engine.Audit;

/// <summary>One page of audit rows, newest first, and the token for the next page (null on the last).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Continuation);
