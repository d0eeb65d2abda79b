namespace Tracker.Engine.Plans;

/// <summary>The states a planned send can be in, as the plan reports them (ledger states plus the ones before and instead of a ledger row).</summary>
public static class PlanStates
{
    /// <summary>Its time has not come.</summary>
    public const string Planned = "planned";

    /// <summary>Its time has come; the next dispatch run queues it.</summary>
    public const string Due = "due";

    /// <summary>Will not be sent: the participant left, skipped the wave, stopped reminders or answered.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The window closed before it went out, or a later reminder superseded it.</summary>
    public const string Missed = "missed";
}
