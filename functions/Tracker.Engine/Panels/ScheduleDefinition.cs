namespace Tracker.Engine.Panels;

/// <summary>The wave schedule as posted: an instant, ISO-8601 durations, and optionally a local send time and reminders.</summary>
public sealed class ScheduleDefinition
{
    /// <summary><c>fixed</c> (default) or <c>rolling</c>.</summary>
    public string? Kind { get; set; }

    public DateTimeOffset? Start { get; set; }

    public int? Waves { get; set; }

    public string? Interval { get; set; }

    public string? Window { get; set; }

    /// <summary>Local time of day (<c>HH:mm</c>) in each participant's time zone; omitted sends at the opening instant.</summary>
    public string? SendTime { get; set; }

    /// <summary>ISO-8601 offsets from the invitation, e.g. <c>["P2D", "P5D"]</c>.</summary>
    public List<string>? Reminders { get; set; }

    /// <summary>Rolling panels: the last instant participants can join.</summary>
    public DateTimeOffset? EnrolUntil { get; set; }
}
