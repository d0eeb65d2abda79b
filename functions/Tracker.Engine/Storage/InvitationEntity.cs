namespace Tracker.Engine.Storage;

/// <summary>
/// One row of the invitation ledger: participant × wave × message kind. It is inserted (claimed) before the
/// message is sent and marked sent after, which is what makes a repeated timer or queue delivery harmless.
/// </summary>
public sealed class InvitationEntity : LedgerEntity
{
    public string Kind { get; set; } = "";

    public static string Partition(string panelId, int wave) => $"{panelId}~{WaveEntity.Key(wave)}";

    public static string Row(string participantId, string kind) => $"{participantId}~{kind}";

    public static string ParticipantOf(string rowKey) => rowKey[..rowKey.IndexOf('~', StringComparison.Ordinal)];
}
