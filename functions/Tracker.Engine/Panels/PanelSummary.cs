namespace Tracker.Engine.Panels;

/// <summary>One row of the panel list: enough to find a lost panel id and see where each study stands.</summary>
public sealed record PanelSummary(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    int Waves,
    DateTimeOffset FirstOpens,
    DateTimeOffset LastCloses,
    string State,
    int OpenWave,
    int ClosedWaves,
    int Participants,
    int ActiveParticipants)
{
    /// <summary>When the researcher closed the panel (<see cref="State"/> is then "closed"); null while it runs.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
