namespace Tracker.Engine.Invitations;

/// <summary>The researcher's wording of the invitation, the reminders and the thank-you page; each optional (the built-in wording otherwise).</summary>
public sealed record InvitationTemplates
{
    public EmailTemplate? Invitation { get; init; }

    /// <summary>Used for every reminder of a wave.</summary>
    public EmailTemplate? Reminder { get; init; }

    public ThankYouTemplate? ThankYou { get; init; }
}
