namespace Tracker.Panels.Invitations;

/// <summary>The kinds of message the ledger tracks per participant and wave.</summary>
public static class MessageKind
{
    public const string Invite = "invite";
}
