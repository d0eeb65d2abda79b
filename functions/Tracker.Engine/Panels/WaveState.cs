namespace Tracker.Engine.Panels;

public enum WaveState
{
    Scheduled,
    Open,
    Closed,
}
