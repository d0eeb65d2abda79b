namespace Tracker.Engine.Storage;

/// <summary>
/// One row of the invitation ledger: participant × wave × message kind. It is inserted (claimed) before the
/// message is sent and marked sent after, which is what makes a repeated timer or queue delivery harmless.
/// </summary>
public sealed class InvitationEntity : LedgerEntity
{
    public string Kind { get; set; } = "";

    /// <summary>
    /// When the participant's window closes, fixed when this message was composed (the deadline its email states and
    /// its link's expiry). On the invitation row it is what reminders, sealing and status go by for a late invitation;
    /// null on rows written before it existed (the planned close then).
    /// </summary>
    public DateTimeOffset? ClosesAt { get; set; }

    public static string Partition(string panelId, int wave) => $"{panelId}~{WaveEntity.Key(wave)}";

    public static string Row(string participantId, string kind) => $"{participantId}~{kind}";

    public static string ParticipantOf(string rowKey) => rowKey[..rowKey.IndexOf('~', StringComparison.Ordinal)];
}
