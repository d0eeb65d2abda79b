namespace Tracker.Engine.Sealing;

/// <summary>The result of <see cref="WaveSealer.SealAsync"/>: the status, the rows written by this call (0 unless sealed now) and when the wave was recorded as sealed.</summary>
public sealed record SealOutcome(SealStatus Status, int Rows, DateTimeOffset? SealedAt)
{
    /// <summary>For <see cref="SealStatus.NotClosed"/>: when the wave closes for every participant (late invitations included).</summary>
    public DateTimeOffset? ClosesAt { get; init; }
}
