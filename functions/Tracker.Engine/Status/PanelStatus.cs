namespace Tracker.Engine.Status;

/// <summary>
/// A panel at a glance; <see cref="Retention"/> is the share of enrolled participants still active (not left or
/// erased). <see cref="Participants"/> and <see cref="ActiveParticipants"/> leave <see cref="Orphaned"/> rows out.
/// </summary>
public sealed record PanelStatus(string Id, string Name, int Participants, int ActiveParticipants, DateTimeOffset AsOf, IReadOnlyList<WaveStatus> Waves)
{
    public double? Retention => Participants == 0 ? null : Math.Round((double)ActiveParticipants / Participants, 4);

    /// <summary>Where the study stands (<see cref="Panels.PanelStates"/>): scheduled, running, ended or closed.</summary>
    public string State { get; init; } = Panels.PanelStates.Scheduled;

    /// <summary>When the researcher closed the panel; null while it runs.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public int Left { get; init; }

    public int RemindersOff { get; init; }

    /// <summary>
    /// Messages in the dispatch poison queue (of every panel: a message that could not be read names no panel for sure).
    /// Non-zero means sends an operator must look at (docs/engine.md, "Poison messages").
    /// </summary>
    public int PoisonMessages { get; init; }

    /// <summary>Participant rows without a contact row (a failed import's leftovers): neither counted nor sent to; re-running that import completes them.</summary>
    public int Orphaned { get; init; }

    /// <summary>The panel's data-retention date, if it has one.</summary>
    public DateOnly? DataRetentionUntil { get; init; }

    /// <summary>Whole days from today (UTC) to <see cref="DataRetentionUntil"/>; negative once it has passed.</summary>
    public int? DaysUntilRetention { get; init; }

    /// <summary>A plain-language warning once 30 days or fewer remain (or the date has passed), else null.</summary>
    public string? RetentionWarning { get; init; }
}
