using Tracker.Engine.Exports;
using Tracker.Engine.Panels;
using Tracker.Engine.Status;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// Gathers a panel's dashboard: counts from <see cref="PanelStatusService"/> (so the page and the status API agree),
/// and one streamed pass over the responses for retention, the per-wave outcome means and Tracker's models, which
/// see the same rows and the same <c>days</c> as the long export.
/// </summary>
public sealed class DashboardService(PanelRepository panels, PanelStatusService status, IResponseSource source)
{
    public async Task<DashboardData?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        var counts = await status.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (counts is null) return null;

        var outcome = ExportColumns.Outcome(panel.Instrument);
        var table = new OutcomeTable(outcome);
        var waves = panel.Schedule.Waves;
        var firstWave = new HashSet<string>(StringComparer.Ordinal);
        var responses = new int[waves + 1];
        var retained = new int[waves + 1];
        var outcomeDays = new double[waves + 1];
        var outcomeN = new int[waves + 1];
        await foreach (var row in LongRows.ReadAsync(source, panel, cancellationToken).ConfigureAwait(false))
        {
            table.Add(row);
            responses[row.Wave]++;
            if (row.Wave == 1) firstWave.Add(row.ParticipantId);
            if (firstWave.Contains(row.ParticipantId)) retained[row.Wave]++;
            if (row.Response.Scores.GetValueOrDefault(outcome) is not null)
            {
                outcomeN[row.Wave]++;
                outcomeDays[row.Wave] += row.Days;
            }
        }

        var report = table.Analyze();
        var descriptives = report?.Descriptives.FirstOrDefault(d => d.Column == outcome)?.Waves ?? [];
        var trend = Enumerable.Range(1, waves).Select(w =>
        {
            var summary = descriptives.FirstOrDefault(s => (int)s.Wave == w);
            return new WaveTrend(
                w,
                responses[w],
                retained[w],
                outcomeN[w],
                summary?.Mean ?? double.NaN,
                summary?.CiLower ?? double.NaN,
                summary?.CiUpper ?? double.NaN,
                outcomeN[w] == 0 ? double.NaN : outcomeDays[w] / outcomeN[w]);
        }).ToList();

        return new DashboardData(panel, counts, outcome, firstWave.Count, trend, report);
    }
}
