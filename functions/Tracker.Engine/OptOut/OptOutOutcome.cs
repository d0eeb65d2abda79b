namespace Tracker.Engine.OptOut;

/// <summary>What happened behind an opt-out link, for the web side to turn into a page and a status code.</summary>
public abstract record OptOutOutcome
{
    private OptOutOutcome()
    {
    }

    /// <summary>The page's fixed words in the participant's language; English when the link names nobody.</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;

    /// <summary>The three choices, posting back to <paramref name="ActionUrl"/>.</summary>
    public sealed record Choices(string PanelName, int Wave, string ActionUrl) : OptOutOutcome;

    /// <summary>The choice is recorded (or the participant had already left).</summary>
    public sealed record Done(string PanelName, OptOutChoice Choice, int Wave) : OptOutOutcome;

    /// <summary>A bad link, or a genuine one meant for anything but opting out: the same answer as a bad survey link.</summary>
    public sealed record InvalidLink : OptOutOutcome;

    /// <summary>A post that names none of the three choices.</summary>
    public sealed record NoChoice : OptOutOutcome;

    /// <summary>
    /// Storage is down; nothing was recorded. When a choice was posted, <paramref name="ActionUrl"/> and the posted field
    /// let the page offer it again with one button.
    /// </summary>
    public sealed record Unavailable(string? ActionUrl = null, string? PostedField = null, string? PostedValue = null) : OptOutOutcome;
}
