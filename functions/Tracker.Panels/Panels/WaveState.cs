namespace Tracker.Panels.Panels;

public enum WaveState
{
    Scheduled,
    Open,
    Closed,
}
