using Tracker.Engine.Panels;
using Tracker.Engine.Status;
using Tracker.Model.Models;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// Everything the dashboard shows, gathered once per request: the status (the same numbers as the status API), the
/// retention counts, and the stored model (<see cref="Model"/>, null before the first fit) that the trend and the
/// model section read — the dashboard never fits.
/// </summary>
public sealed record DashboardData(
    Panel Panel,
    PanelStatus Status,
    string Outcome,
    int FirstWaveResponders,
    IReadOnlyList<WaveTrend> Trend,
    ModelDocument? Model)
{
    /// <summary>A wave closed after the stored model was fitted, so its answers are not in the model yet.</summary>
    public bool ModelStale => Model is { } model && Status.Waves.Any(w => w.State == "closed" && w.ClosesAt > model.FittedAt);
}
