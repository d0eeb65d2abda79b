namespace Tracker.Engine.Participants;

/// <summary>What an import did, line by line where it refused something.</summary>
public sealed record ParticipantImportResult(int Added, int Updated, int Unchanged, IReadOnlyList<RejectedLine> Rejected)
{
    /// <summary>Lines whose enrolment an earlier, interrupted (or concurrent) import had begun, which this one finished.</summary>
    public int Completed { get; init; }

    /// <summary>Lines whose address was enrolled already (updated or unchanged).</summary>
    public int AlreadyEnrolled => Updated + Unchanged;
}
