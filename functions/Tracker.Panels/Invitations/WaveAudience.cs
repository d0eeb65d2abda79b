using Tracker.Panels.Participants;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Invitations;

/// <summary>Everything the plan needs to know about one wave: who is in the panel, what the ledger holds, who has answered.</summary>
public sealed record WaveAudience(
    int Wave,
    IReadOnlyList<Participant> Participants,
    IReadOnlyDictionary<string, InvitationEntity> Ledger,
    IReadOnlyDictionary<string, DateTimeOffset> Respondents)
{
    public string? LedgerState(string participantId, string kind) =>
        Ledger.TryGetValue(InvitationEntity.Row(participantId, kind), out var row) ? row.State : null;
}
