namespace Tracker.Engine.Access;

/// <summary>
/// What checking a presented key found: the name of the key it is (<c>master</c> for the master key), or that it is no
/// key of this app, or that the keys could not be read (then <see cref="Reason"/> says why, for the operator).
/// </summary>
public sealed record KeyCheck(KeyCheckOutcome Outcome, string? Name = null, bool IsMaster = false, string? Reason = null)
{
    public static KeyCheck Unknown { get; } = new(KeyCheckOutcome.Unknown, Reason: "the key presented is not a key of this app");

    public static KeyCheck Admitted(string name, bool isMaster) => new(KeyCheckOutcome.Admitted, name, isMaster);

    public static KeyCheck Unavailable(string reason) => new(KeyCheckOutcome.Unavailable, Reason: reason);
}
