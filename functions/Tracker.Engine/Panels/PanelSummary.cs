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
    int ActiveParticipants);
