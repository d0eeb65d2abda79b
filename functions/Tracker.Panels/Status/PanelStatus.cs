namespace Tracker.Panels.Status;

/// <summary>A panel at a glance.</summary>
public sealed record PanelStatus(string Id, string Name, int Participants, int ActiveParticipants, DateTimeOffset AsOf, IReadOnlyList<WaveStatus> Waves);
