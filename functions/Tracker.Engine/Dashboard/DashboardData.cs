using Tracker.Analysis;
using Tracker.Engine.Panels;
using Tracker.Engine.Status;

namespace Tracker.Engine.Dashboard;

/// <summary>Everything the dashboard shows, gathered once per request: the status (the same numbers as the status API), the trend and the models.</summary>
public sealed record DashboardData(
    Panel Panel,
    PanelStatus Status,
    string Outcome,
    int FirstWaveResponders,
    IReadOnlyList<WaveTrend> Trend,
    PanelReport? Report);
