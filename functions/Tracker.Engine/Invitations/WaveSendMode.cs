namespace Tracker.Engine.Invitations;

/// <summary>What a researcher's request for one wave queues (<see cref="DispatchPlanner.QueueWaveAsync"/>).</summary>
public enum WaveSendMode
{
    /// <summary>Everything due now that the ledger has no row for, and rows lost with a batch or a claim (<c>…/dispatch</c>).</summary>
    Due,

    /// <summary>Only the rows whose outcome is unknown, each once more (<c>…/resend-unknown</c>).</summary>
    ResendUnknown,
}
