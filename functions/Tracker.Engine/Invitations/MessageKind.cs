using System.Globalization;

namespace Tracker.Engine.Invitations;

/// <summary>
/// The kinds of message the ledger tracks per participant and wave: the invitation, reminders 1…n, and a link reissue
/// per active link key (<c>reissue-{keyId}</c>), so each participant gets at most one reissue per key and wave.
/// </summary>
public static class MessageKind
{
    public const string Invite = "invite";

    private const string ReminderPrefix = "reminder-";

    private const string ReissuePrefix = "reissue-";

    public static string Reminder(int number) => ReminderPrefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The reissue of links signed with <paramref name="keyId"/>; escaped, since a row key must not hold '/', '\', '#' or '?'.</summary>
    public static string Reissue(string keyId) => ReissuePrefix + Uri.EscapeDataString(keyId);

    /// <summary>The reminder's number, or 0 for an invitation or a reissue.</summary>
    public static int ReminderNumber(string kind) =>
        kind.StartsWith(ReminderPrefix, StringComparison.Ordinal) && int.TryParse(kind.AsSpan(ReminderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static bool IsReissue(string kind) => kind.StartsWith(ReissuePrefix, StringComparison.Ordinal) && kind.Length > ReissuePrefix.Length;

    public static bool IsKnown(string kind) => kind == Invite || ReminderNumber(kind) > 0 || IsReissue(kind);

    /// <summary>Orders kinds as they go out: the invitation, the reminders by number, then reissues.</summary>
    public static int Order(string kind) => kind == Invite ? 0 : IsReissue(kind) ? int.MaxValue : ReminderNumber(kind);
}
