using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Invitations;

/// <summary>Everything the plan needs to know about one wave: who is in the panel, what the ledger holds, who has answered.</summary>
public sealed record WaveAudience(
    int Wave,
    IReadOnlyList<Participant> Participants,
    IReadOnlyDictionary<string, InvitationEntity> Ledger,
    IReadOnlyDictionary<string, DateTimeOffset> Respondents)
{
    public string? LedgerState(string participantId, string kind) =>
        Ledger.TryGetValue(InvitationEntity.Row(participantId, kind), out var row) ? row.State : null;

    /// <summary>The close fixed when the participant's invitation went out (moved if it was late), or null.</summary>
    public DateTimeOffset? InvitationClosesAt(string participantId) =>
        Ledger.TryGetValue(InvitationEntity.Row(participantId, MessageKind.Invite), out var row) ? row.ClosesAt : null;

    /// <summary>Every message of this wave due at <paramref name="now"/> that the ledger has no row for.</summary>
    public IEnumerable<PlannedSend> Due(Tracker.Engine.Panels.Panel panel, DateTimeOffset now) =>
        Participants.SelectMany(p => SendPlan.Due(panel, p, Wave, now, kind => LedgerState(p.Id, kind), Respondents.ContainsKey(p.Id), InvitationClosesAt(p.Id)));
}
