using System.Globalization;

namespace Tracker.Engine.Invitations;

/// <summary>The kinds of message the ledger tracks per participant and wave: the invitation and reminders 1…n.</summary>
public static class MessageKind
{
    public const string Invite = "invite";

    private const string ReminderPrefix = "reminder-";

    public static string Reminder(int number) => ReminderPrefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The reminder's number, or 0 for an invitation.</summary>
    public static int ReminderNumber(string kind) =>
        kind.StartsWith(ReminderPrefix, StringComparison.Ordinal) && int.TryParse(kind.AsSpan(ReminderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static bool IsKnown(string kind) => kind == Invite || ReminderNumber(kind) > 0;
}
