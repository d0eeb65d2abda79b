namespace Tracker.Engine.Audit;

/// <summary>
/// One admin action as the audit trail keeps it: who (a principal's name or <c>key:NAME</c>), the role they acted
/// with, how they signed in, what they did to which panel and which participants or wave, when, from where, and how
/// it ended. <see cref="Details"/> holds counts, formats and row numbers only — never an address, a name or an answer.
/// </summary>
public sealed record AuditEntry(
    string Who,
    string Role,
    string Method,
    string Action,
    string? PanelId,
    IReadOnlyList<string> ParticipantIds,
    int? Wave,
    DateTimeOffset At,
    string ClientAddress,
    string Result,
    int Status,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>Results: the action ran (2xx), was refused for want of a role or a sign-in (401/403), or failed otherwise.</summary>
    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Failed = "failed";

    public static string ResultOf(int status) => status switch
    {
        >= 200 and < 400 => Ok,
        401 or 403 => Refused,
        _ => Failed,
    };
}
