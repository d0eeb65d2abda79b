using Tracker.Engine.Forms;

namespace Tracker.Engine.Surveys;

/// <summary>
/// What happened behind a participant's survey link, for the web side to turn into a page and a status code. Every
/// refusal is one of these, never an exception.
/// </summary>
public abstract record SurveyOutcome
{
    private SurveyOutcome()
    {
    }

    /// <summary>The fixed words of the page in the participant's language; English when the link names no panel.</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;

    /// <summary>The form to show: fresh, with the stored answers, or re-shown with per-item errors (<see cref="SurveyFormModel.Errors"/>).</summary>
    public sealed record Form(SurveyFormModel Model) : SurveyOutcome;

    /// <summary>The answers are stored; <paramref name="FormUrl"/> changes them until the wave closes.</summary>
    public sealed record Saved(string PanelName, string ClosesAtText, string FormUrl) : SurveyOutcome
    {
        /// <summary>The researcher's thank-you text (<c>invitations.templates.thankYou</c>); null for the built-in one.</summary>
        public Tracker.Engine.Invitations.ThankYouText? Text { get; init; }
    }

    /// <summary>The consent step answered instead of the form (<see cref="Consent.ConsentGate"/>).</summary>
    public sealed record Consent(Tracker.Engine.Consent.ConsentOutcome Outcome) : SurveyOutcome;

    /// <summary>The token does not verify or names nothing we know (a deleted panel, an erased participant).</summary>
    public sealed record InvalidLink : SurveyOutcome;

    /// <summary>The wave has closed: answers can no longer be given or changed.</summary>
    public sealed record Closed : SurveyOutcome;

    /// <summary>The researcher closed the study: no wave takes answers any more, whatever its schedule said.</summary>
    public sealed record StudyEnded : SurveyOutcome;

    /// <summary>The wave has not opened yet for this participant.</summary>
    public sealed record NotYetOpen(int Wave, string OpensAtText) : SurveyOutcome;

    /// <summary>A post our form cannot have produced (unknown, repeated or oversized fields, files).</summary>
    public sealed record Malformed : SurveyOutcome;

    /// <summary>Storage is down while showing the form; nothing changed.</summary>
    public sealed record Unavailable : SurveyOutcome;

    /// <summary>Storage is down while saving; the form can be drawn again with the posted choices in it.</summary>
    public sealed record UnavailableWithForm(SurveyFormModel Model) : SurveyOutcome;

    /// <summary>Storage is down while saving and the panel was never read: the posted fields go back as they came.</summary>
    public sealed record UnavailableKeepingFields(string ActionUrl, IReadOnlyList<KeyValuePair<string, string>> Fields) : SurveyOutcome;
}
