namespace Tracker.Engine.Plans;

/// <summary>A wave's line in the dry run: the spread of its sends and how many are in each state, per message kind.</summary>
public sealed record PlanWave(int Wave, DateTimeOffset? FirstSend, DateTimeOffset? LastSend, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);
