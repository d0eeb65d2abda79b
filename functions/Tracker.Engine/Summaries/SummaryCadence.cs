namespace Tracker.Engine.Summaries;

/// <summary>How often a panel's stakeholders get a trend summary.</summary>
public enum SummaryCadence
{
    /// <summary>One summary per closed wave (the latest closed wave when several closed between runs).</summary>
    AfterWaveCloses,

    /// <summary>One summary per ISO week (Monday to Sunday, UTC), once the first wave has closed.</summary>
    Weekly,
}
