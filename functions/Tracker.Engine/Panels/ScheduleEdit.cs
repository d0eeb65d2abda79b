namespace Tracker.Engine.Panels;

/// <summary>The outcome of a schedule edit: the edited panel and the first wave it re-planned, or why not.</summary>
public sealed record ScheduleEdit(Panel? Panel, int FirstReplannedWave, IReadOnlyList<string> Problems, bool IsConflict)
{
    public static ScheduleEdit Done(Panel panel, int firstReplanned) => new(panel, firstReplanned, [], false);

    public static ScheduleEdit Invalid(IReadOnlyList<string> problems) => new(null, 0, problems, false);

    public static ScheduleEdit Conflict(IReadOnlyList<string> problems) => new(null, 0, problems, true);

    /// <summary>The retention date or researcher address is wrong (a 400, as when the panel is created).</summary>
    public static ScheduleEdit BadRetention(IReadOnlyList<string> problems) => new(null, 0, problems, false) { IsRetentionProblem = true };

    public bool IsRetentionProblem { get; init; }
}
