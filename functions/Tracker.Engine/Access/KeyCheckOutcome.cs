namespace Tracker.Engine.Access;

public enum KeyCheckOutcome
{
    Admitted,
    Unknown,
    Unavailable,
}
