using Tracker.Engine.Exports;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Status;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// Gathers a panel's dashboard: counts from <see cref="PanelStatusService"/> (so the page and the status API agree),
/// retention from one streamed pass over the responses, and the per-wave means and models from the stored model
/// (<see cref="ModelStore"/>, the document the model timer writes and the summary email reads). A request never fits.
/// </summary>
public sealed class DashboardService(PanelRepository panels, PanelStatusService status, IResponseSource source, ModelStore models)
{
    public async Task<DashboardData?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        var counts = await status.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (counts is null) return null;
        var model = await models.GetLatestAsync(panelId, cancellationToken).ConfigureAwait(false);

        var outcome = model?.Outcome ?? ExportColumns.Outcome(panel.Instrument);
        var waves = panel.Schedule.Waves;
        var firstWave = new HashSet<string>(StringComparer.Ordinal);
        var responses = new int[waves + 1];
        var retained = new int[waves + 1];
        await foreach (var row in LongRows.ReadAsync(source, panel, cancellationToken).ConfigureAwait(false))
        {
            responses[row.Wave]++;
            if (row.Wave == 1) firstWave.Add(row.ParticipantId);
            if (firstWave.Contains(row.ParticipantId)) retained[row.Wave]++;
        }

        var descriptives = model?.Analysis.Descriptives.GetValueOrDefault(outcome) ?? [];
        var trend = Enumerable.Range(1, waves).Select(w =>
        {
            var stat = descriptives.FirstOrDefault(s => s.Wave == w);
            var days = model?.Waves.FirstOrDefault(r => r.Wave == w)?.Days ?? double.NaN;
            return new WaveTrend(
                w,
                responses[w],
                retained[w],
                stat?.Mean is null ? 0 : stat.N,
                stat?.Mean ?? double.NaN,
                stat?.CiLower ?? double.NaN,
                stat?.CiUpper ?? double.NaN,
                days);
        }).ToList();

        return new DashboardData(panel, counts, outcome, firstWave.Count, trend, model) { CarelessFlagged = model?.CarelessFlagged };
    }
}
