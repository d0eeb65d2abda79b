namespace Tracker.Panels.Panels;

/// <summary>The wave schedule as posted: an instant and ISO-8601 durations.</summary>
public sealed class ScheduleDefinition
{
    public DateTimeOffset? Start { get; set; }

    public int? Waves { get; set; }

    public string? Interval { get; set; }

    public string? Window { get; set; }
}
