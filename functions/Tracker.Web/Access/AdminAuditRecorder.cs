using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracker.Engine.Audit;
using Tracker.Web.Security;

namespace Tracker.Web.Access;

/// <summary>
/// Writes the request's <see cref="AdminActivity"/> to the audit trail once its answer's status is known. Both hosts
/// call it after the function (the worker's middleware in Azure, the local host's endpoint), so every admin function
/// is recorded, refused attempts included, without an audit line at each of its returns. An activity that waits for its
/// body (<see cref="AdminActivity.WaitForBody"/>) is written by the result that writes the body, once it has.
/// </summary>
public sealed class AdminAuditRecorder(AuditLog audit, TimeProvider clock, IOptionsMonitor<RateLimitOptions> rateLimit, ILogger<AdminAuditRecorder> logger)
{
    public async Task CompleteAsync(HttpContext context, int status, CancellationToken cancellationToken, bool bodyWritten = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AdminActivity.Of(context.Request) is not { } activity) return;
        if (activity.WaitsForBody && !bodyWritten) return;
        if (!activity.ClaimRecording()) return;
        var caller = activity.Caller;
        var entry = new AuditEntry(
            caller?.Name ?? "(unknown)",
            caller?.RoleName ?? "none",
            caller?.MethodName ?? "none",
            activity.Action,
            activity.Target.PanelId,
            activity.Target.ParticipantIds,
            activity.Target.Wave,
            clock.GetUtcNow(),
            ClientAddress.Of(context.Request, rateLimit.CurrentValue.TrustedProxyHops),
            AuditEntry.ResultOf(status),
            status,
            activity.Details);
        try
        {
            await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The action has happened and its answer is on its way; a lost audit row is logged loudly, not turned into a 500.
            logger.LogError(ex, "Audit row for {Action} on panel {PanelId} could not be written", activity.Action, activity.Target.PanelId);
        }
    }
}
