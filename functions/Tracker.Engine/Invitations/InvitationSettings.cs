using Tracker.Engine.Common;

namespace Tracker.Engine.Invitations;

/// <summary>
/// What a panel's invitations say about the study, so a participant can tell a real study from phishing: who sends it
/// (the From display name and the Reply-To), who runs it, why, whom to ask, and the privacy note; and the researcher's
/// own wording (<see cref="Templates"/>). Read from the definition's <c>invitations</c> object, checked by
/// <see cref="InvitationSettingsValidator"/>, stored as JSON with the panel. Every part is optional.
/// </summary>
public sealed record InvitationSettings
{
    public static InvitationSettings None { get; } = new();

    /// <summary>The From display name; the address stays the configured SMTP sender (see <see cref="InvitationComposer"/>).</summary>
    public string? SenderName { get; init; }

    /// <summary>Where a participant's reply goes.</summary>
    public string? ReplyTo { get; init; }

    public LocalizedText? Institution { get; init; }

    /// <summary>The researchers' names as written (names are not translated).</summary>
    public string? Researchers { get; init; }

    /// <summary>The address shown for questions; falls back to <see cref="ReplyTo"/> in the email.</summary>
    public string? ContactEmail { get; init; }

    public LocalizedText? Purpose { get; init; }

    public LocalizedText? PrivacyNote { get; init; }

    public InvitationTemplates? Templates { get; init; }
}
