namespace Tracker.Web.Access;

/// <summary>What an admin action is about, for the audit trail: a panel, and perhaps participants (pseudonymous ids) or a wave.</summary>
public sealed record AdminTarget(string? PanelId, IReadOnlyList<string> ParticipantIds, int? Wave)
{
    public static AdminTarget None { get; } = new(null, [], null);

    public static AdminTarget Panel(string id) => new(id, [], null);

    public static AdminTarget Participant(string id, string participantId) => new(id, [participantId], null);

    public static AdminTarget OfWave(string id, int wave) => new(id, [], wave);

    public static AdminTarget ParticipantWave(string id, string participantId, int wave) => new(id, [participantId], wave);
}
