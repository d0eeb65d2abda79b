namespace Tracker.Engine.Plans;

/// <summary>Every send the current schedule makes for a panel, with what has already happened to each.</summary>
public sealed record PanelPlan(string PanelId, DateTimeOffset AsOf, IReadOnlyList<PlanWave> Waves, IReadOnlyList<PlanEntry> Sends);
