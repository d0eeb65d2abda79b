namespace Tracker.Engine.Invitations;

/// <summary>One queue message of planned sends for one wave of one panel (at most <c>Tracker:DispatchBatchSize</c> items).</summary>
public sealed record DispatchBatch(string PanelId, int Wave, IReadOnlyList<DispatchItem> Items);
