namespace Tracker.Engine.Participants;

/// <summary>A parsed participant file: the good rows, every rejected line, or a problem with the whole file.</summary>
public sealed record ParticipantCsv(IReadOnlyList<ParticipantRow> Rows, IReadOnlyList<RejectedLine> Rejected, string? FileProblem);
