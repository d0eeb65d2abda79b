namespace Tracker.Engine.Invitations;

/// <summary>What the invitation or reminder says, already worded by <see cref="InvitationComposer"/>; the HTML part renders exactly this.</summary>
public sealed record InvitationBody(string Subject, string Opening, int Wave, string Link, string ClosesText, string OptOutLink)
{
    /// <summary>The first line: "Hello Anna," or "Hello,".</summary>
    public string Greeting { get; init; } = "Hello,";

    /// <summary>The researcher's template, filled: when set it replaces the greeting, opening, button and deadline lines.</summary>
    public IReadOnlyList<EmailParagraph>? Paragraphs { get; init; }

    /// <summary>Who runs the study, why, whom to ask, the privacy note; shown above the opt-out link.</summary>
    public StudyFacts Facts { get; init; } = StudyFacts.None;

    /// <summary>The fixed words in the participant's language (the HTML part's button, link hint, thanks, footer; its <c>lang</c> and <c>dir</c>).</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;
}
