namespace Tracker.Panels.Participants;

/// <summary>What an import did, line by line where it refused something.</summary>
public sealed record ParticipantImportResult(int Added, int Updated, int Unchanged, IReadOnlyList<RejectedLine> Rejected);
