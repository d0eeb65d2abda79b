namespace Tracker.Engine.Summaries;

/// <summary>What one summary pass did for one panel and period; <see cref="Unsubscribed"/> counts stakeholders skipped because they unsubscribed.</summary>
public sealed record SummaryRun(string PanelId, string Period, int Sent, int AlreadyHandled, int Failed, int Unsubscribed = 0)
{
    /// <summary>Emails whose connection was lost after the data went out: the ledger holds them as unknown, not to be sent again.</summary>
    public int Unknown { get; init; }
}
