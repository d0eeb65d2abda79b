namespace Tracker.Engine.Status;

/// <summary>
/// One wave's line of the status table. <see cref="Planned"/> counts invitations the schedule makes to current members;
/// <see cref="Reminded"/> participants sent at least one reminder; <see cref="Reissued"/> participants sent a fresh link
/// after a key change (never counted as invited or reminded); <see cref="Opened"/> participants who opened their
/// link; <see cref="Failed"/> messages refused for good (reasons in <see cref="Failures"/>); <see cref="OptedOut"/>
/// participants who skipped this wave or left from its email. The response rate is responded ÷ invited. Sending
/// progress, per message (invitations, reminders and reissues): <see cref="Queued"/> waiting on the dispatch queue,
/// <see cref="Sending"/> claimed by a sender, <see cref="Sent"/>, <see cref="Failed"/>, and <see cref="Unknown"/>
/// (no reply after the data went out: maybe delivered, re-sent only on request). <see cref="Responded"/> counts every
/// response row, <see cref="Complete"/> those whose last page was submitted and <see cref="Partial"/> those still
/// part-way through the pages.
/// </summary>
public sealed record WaveStatus(int Number, string State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Invited, int Failed, int Responded, double? ResponseRate)
{
    public int Planned { get; init; }

    public int Complete { get; init; }

    public int Partial { get; init; }

    public int Queued { get; init; }

    public int Sending { get; init; }

    public int Sent { get; init; }

    public int Unknown { get; init; }

    public int Reminded { get; init; }

    public int Reissued { get; init; }

    public int Opened { get; init; }

    public int OptedOut { get; init; }

    public DateTimeOffset? SealedAt { get; init; }

    /// <summary>Which message each response followed: "invite", "reminder-1", … → how many responses and their share.</summary>
    public IReadOnlyList<ResponseSource> RespondedAfter { get; init; } = [];

    /// <summary>Permanent failures grouped by reason (no addresses: reasons are SMTP replies and our own words).</summary>
    public IReadOnlyList<FailureReason> Failures { get; init; } = [];
}
