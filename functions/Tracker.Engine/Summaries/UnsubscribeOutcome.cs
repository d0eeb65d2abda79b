namespace Tracker.Engine.Summaries;

/// <summary>What happened behind a summary's unsubscribe link, for the web side to turn into a page and a status code.</summary>
public abstract record UnsubscribeOutcome
{
    private UnsubscribeOutcome()
    {
    }

    /// <summary>Asks the recipient to confirm, posting to <paramref name="ActionUrl"/>.</summary>
    public sealed record Confirm(string PanelName, string ActionUrl) : UnsubscribeOutcome;

    /// <summary>Unsubscribed, now or earlier.</summary>
    public sealed record Done(string PanelName) : UnsubscribeOutcome;

    /// <summary>The token does not verify or names no panel: one answer for all, so it reveals nothing.</summary>
    public sealed record InvalidLink : UnsubscribeOutcome;

    /// <summary>Storage is down; nothing changed, and the same link will work later.</summary>
    public sealed record Unavailable : UnsubscribeOutcome;
}
