namespace Tracker.Engine.Panels;

/// <summary>Where a study stands as one word, the same in the panel list, the panel's status and <c>tracker panel show</c>.</summary>
public static class PanelStates
{
    public const string Scheduled = "scheduled";
    public const string Running = "running";
    public const string Ended = "ended";
    public const string Closed = "closed";

    /// <summary>
    /// "closed" once the researcher closed it (whatever its schedule says); else "ended" once every wave has closed for
    /// everyone, "scheduled" until the first opens, and "running" between.
    /// </summary>
    public static string Of(Panel panel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (panel.IsClosed) return Closed;
        var schedule = panel.Schedule;
        var states = Enumerable.Range(1, schedule.Waves).Select(w => schedule.StateAt(w, now)).ToList();
        if (states.All(s => s == WaveState.Closed)) return Ended;
        return states.Any(s => s != WaveState.Scheduled) ? Running : Scheduled;
    }
}
