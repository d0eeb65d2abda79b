namespace Tracker.Cli.Demo;

/// <summary>How a simulated participant's visit ended, how many pages they saved, and when the first was saved (real time, as smtp4dev stamps mail).</summary>
public sealed record DemoVisitResult(DemoVisitOutcome Outcome, int PagesSaved, DateTimeOffset? FirstSaved)
{
    /// <summary>Whether the visit began on the consent page and the participant agreed.</summary>
    public bool Consented { get; init; }
}
