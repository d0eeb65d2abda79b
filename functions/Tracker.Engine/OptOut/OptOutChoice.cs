namespace Tracker.Engine.OptOut;

/// <summary>What a participant can choose on the opt-out page.</summary>
public enum OptOutChoice
{
    /// <summary>No more email about this wave (invitation already sent, so: no reminders for it, and its link still works).</summary>
    SkipWave,

    /// <summary>Invitations keep coming; reminders never again.</summary>
    StopReminders,

    /// <summary>Leave the panel: never emailed again. What was answered stays unless erased by the researcher.</summary>
    Leave,
}
