using Microsoft.Extensions.Logging;
using Tracker.Engine.Common;
using Tracker.Engine.Invitations;

namespace Tracker.Engine.Panels;

/// <summary>
/// Edits the schedule of a running panel. Waves already under way — any message planned or sent for them, or their time
/// come — keep the schedule they started on; the new one governs the waves from the first untouched one, so nothing
/// sent or answered ever moves. The result of an edit can be checked in advance with the plan dry run.
/// </summary>
public sealed class ScheduleEditor(PanelRepository panels, InvitationLedger ledger, TimeProvider clock, ILogger<ScheduleEditor> logger)
{
    /// <summary>The edited panel, or the problems (<see cref="ScheduleEdit.Conflict"/> when the edit clashes with what has happened).</summary>
    /// <remarks>
    /// <paramref name="dataRetentionUntil"/> and <paramref name="researcherEmail"/> replace the panel's when given (a
    /// blank address removes it); a retention date, new or kept, must still fall after the edited last wave closes.
    /// </remarks>
    public async Task<ScheduleEdit> EditAsync(Panel panel, ScheduleDefinition? definition, CancellationToken cancellationToken, IReadOnlyList<string>? readProblems = null, string? dataRetentionUntil = null, string? researcherEmail = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var problems = new List<string>();
        var proposed = PanelDefinitionValidator.ResolveSchedule(definition, problems);
        if (readProblems is { Count: > 0 }) return ScheduleEdit.Invalid(PanelDefinitionValidator.Merge(readProblems, problems));
        if (proposed is null) return ScheduleEdit.Invalid(problems);

        var now = clock.GetUtcNow();
        var current = panel.Schedule;
        var firstUntouched = 1;
        for (var wave = current.Waves; wave >= 1; wave--)
        {
            if (now >= current.EarliestOpen(wave) || await ledger.AnyRowsAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
            {
                firstUntouched = wave + 1;
                break;
            }
        }

        if (firstUntouched > 1)
        {
            var started = firstUntouched - 1;
            if (proposed.Kind != current.Governing(started).Kind) problems.Add($"schedule.kind: cannot change once waves are under way (waves 1–{started} have started)");
            if (proposed.Waves < started) problems.Add($"schedule.waves: waves 1–{started} have started and cannot be removed; give at least {started}");
            if (proposed.Waves == started && proposed.Waves == current.Waves) problems.Add($"schedule: every wave (1–{started}) has started; there is nothing left to re-plan");
            if (problems.Count == 0 && proposed.Waves > started && proposed.EarliestOpen(firstUntouched) < current.LatestClose(started))
            {
                problems.Add($"schedule: wave {firstUntouched} would open at {proposed.OpensAt(firstUntouched):u}, before wave {started} closes for everyone at {current.LatestClose(started):u}");
            }

            if (problems.Count > 0) return ScheduleEdit.Conflict(problems);
            proposed = proposed with { FromWave = firstUntouched, Previous = current };
        }

        var retentionProblems = new List<string>();
        DateOnly? retention;
        if (dataRetentionUntil is not null)
        {
            retention = PanelDefinitionValidator.ResolveRetention(dataRetentionUntil, proposed, retentionProblems);
        }
        else
        {
            retention = panel.DataRetentionUntil;
            if (retention is { } kept && kept <= DateOnly.FromDateTime(proposed.End.UtcDateTime))
            {
                retentionProblems.Add($"schedule: the last wave would close at {proposed.End:yyyy-MM-dd HH:mm} UTC, on or after the panel's data-retention date {kept:yyyy-MM-dd}; give a later dataRetentionUntil with this edit");
            }
        }

        var researcher = researcherEmail is null ? panel.ResearcherEmail : PanelDefinitionValidator.ResolveResearcher(researcherEmail, retentionProblems);
        if (retentionProblems.Count > 0) return ScheduleEdit.BadRetention(retentionProblems);

        var updated = panel with { Schedule = proposed, DataRetentionUntil = retention, ResearcherEmail = researcher };
        if (!await panels.ReplaceScheduleAsync(updated, firstUntouched, cancellationToken).ConfigureAwait(false))
        {
            return ScheduleEdit.Conflict(["The panel changed while this edit was being made; read it again and retry."]);
        }

        logger.LogInformation("Schedule of panel {PanelId} edited: waves {From}–{Waves} re-planned", panel.Id, firstUntouched, proposed.Waves);
        return ScheduleEdit.Done(updated, firstUntouched);
    }
}
