namespace Tracker.Engine.Invitations;

/// <summary>What the invitation or reminder says, already worded by <see cref="InvitationComposer"/>; the HTML part renders exactly this.</summary>
public sealed record InvitationBody(string Subject, string Opening, int Wave, string Link, string ClosesText, string OptOutLink);
