using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tracker.Functions.Http;
using Tracker.Engine.Panels;
using Tracker.Engine.Access;
using Tracker.Web.Access;

namespace Tracker.Functions;

/// <summary>GET /api/panels/{id}: one panel's definition, its waves' dates, its state and counts (what <c>tracker panel show</c> prints).</summary>
public sealed class GetPanel(PanelService panels, PanelDirectory directory, TimeProvider clock, AdminGate gate)
{
    [Function(nameof(GetPanel))]
    [RequiresRole(Role.Viewer)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "panels/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (gate.Refuse<GetPanel>(request, AdminTarget.Panel(id)) is { } refused) return refused;
        var panel = await panels.GetAsync(id, cancellationToken);
        var summary = panel is null ? null : await directory.FindAsync(panel.Id, cancellationToken);
        if (panel is null || summary is null) return ApiProblem.NotFound($"Panel '{id}'");

        var now = clock.GetUtcNow();
        var schedule = panel.Schedule;
        return new OkObjectResult(new
        {
            id = panel.Id,
            name = panel.Name,
            instrument = panel.Instrument.Id,
            timeZone = panel.DefaultTimeZone,
            createdAt = panel.CreatedAt,
            state = summary.State,
            closedAt = panel.ClosedAt,
            schedule = new
            {
                kind = schedule.Kind.ToString().ToLowerInvariant(),
                start = schedule.Start,
                waves = schedule.Waves,
                interval = Tracker.Engine.Common.IsoDuration.Format(schedule.Interval),
                window = Tracker.Engine.Common.IsoDuration.Format(schedule.Window),
                sendTime = schedule.SendTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                reminders = schedule.Reminders.Select(Tracker.Engine.Common.IsoDuration.Format),
            },
            waves = Enumerable.Range(1, schedule.Waves).Select(w => new
            {
                number = w,
                opensAt = schedule.OpensAt(w),
                closesAt = schedule.ClosesAt(w),
                state = schedule.StateAt(w, now).ToString().ToLowerInvariant(),
            }),
            participants = summary.Participants,
            activeParticipants = summary.ActiveParticipants,
            stakeholders = panel.Stakeholders.Count,
            summaryCadence = Tracker.Engine.Summaries.SummaryCadences.Name(panel.SummaryCadence),
            dataRetentionUntil = panel.DataRetentionUntil,
            retentionWarning = DataRetention.Warning(panel, now),
        });
    }
}
