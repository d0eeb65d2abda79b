namespace Tracker.Cli.Demo;

public enum DemoVisitOutcome
{
    /// <summary>Thanked: the wave's last page was saved.</summary>
    Completed,

    /// <summary>Stopped after some pages (saved, the response partial), to come back later with the same link.</summary>
    Interrupted,

    /// <summary>Declined consent: participation ends.</summary>
    Declined,

    /// <summary>The link or a page was refused (closed wave, storage trouble): nothing more to do this time.</summary>
    Refused,
}
