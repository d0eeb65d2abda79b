namespace Tracker.Engine.Panels;

/// <summary>How a wave's opening is anchored.</summary>
public enum ScheduleKind
{
    /// <summary>Wave k opens at start + (k − 1) · interval for everyone.</summary>
    Fixed,

    /// <summary>Wave k opens at each participant's enrolment + (k − 1) · interval, so late joiners keep the same rhythm.</summary>
    Rolling,
}
