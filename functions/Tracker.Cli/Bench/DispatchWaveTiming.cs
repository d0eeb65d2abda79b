namespace Tracker.Cli.Bench;

/// <summary>
/// How Tracker's wave went in <c>tracker bench dispatch</c>, from the moment the dispatch timer fired: until every
/// ledger row was sent, until the planner's run returned, and until the first message reached the server (known only
/// where the server counts as it receives: the fast sink).
/// </summary>
public sealed record DispatchWaveTiming(TimeSpan Elapsed, TimeSpan Planned, TimeSpan? FirstMessage);
