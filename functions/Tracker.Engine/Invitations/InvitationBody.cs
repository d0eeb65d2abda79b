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

    /// <summary>The language of the words (the HTML <c>lang</c>).</summary>
    public string Language { get; init; } = "en";
}
