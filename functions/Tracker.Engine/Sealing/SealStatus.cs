namespace Tracker.Engine.Sealing;

/// <summary>What a seal request did.</summary>
public enum SealStatus
{
    /// <summary>This call wrote the wave's snapshot.</summary>
    Sealed,

    /// <summary>The snapshot already existed (an earlier or concurrent seal); it was left untouched.</summary>
    AlreadySealed,

    /// <summary>The wave is still open (or not yet open) for some participant, so its answers may still change.</summary>
    NotClosed,
}
