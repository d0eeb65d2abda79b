using Tracker.Engine.Surveys;

namespace Tracker.Engine.Consent;

/// <summary>What the consent step decided, for the web side to turn into a page, a redirect and a status code.</summary>
public abstract record ConsentOutcome
{
    private ConsentOutcome()
    {
    }

    /// <summary>The fixed words of the page in the participant's language; English when the link names no participant.</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;

    /// <summary>Show the consent text with Agree and Decline instead of the form.</summary>
    public sealed record Ask(ConsentPageModel Page) : ConsentOutcome;

    /// <summary>Agreed (now or before): go on to the form at <paramref name="FormUrl"/> (303).</summary>
    public sealed record Agreed(string FormUrl) : ConsentOutcome;

    /// <summary>Declined: participation has ended and no more email goes out.</summary>
    public sealed record Declined(string PanelName) : ConsentOutcome;

    /// <summary>Answers posted without consent: refused (403), nothing stored; <paramref name="FormUrl"/> leads back to the consent page.</summary>
    public sealed record ConsentFirst(string PanelName, string FormUrl) : ConsentOutcome;

    /// <summary>A consent post that names neither agree nor decline (400).</summary>
    public sealed record NoDecision : ConsentOutcome;

    /// <summary>
    /// Answered as the survey link's GET would be: a refused link (bad, closed, not yet open, study ended), or the consent
    /// page again when the version posted is no longer the current one.
    /// </summary>
    public sealed record Survey(SurveyOutcome Outcome) : ConsentOutcome;

    /// <summary>Storage is down; nothing was recorded.</summary>
    public sealed record Unavailable : ConsentOutcome;
}
