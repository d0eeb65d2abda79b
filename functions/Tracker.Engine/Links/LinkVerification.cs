namespace Tracker.Engine.Links;

public enum LinkVerificationStatus
{
    Valid,

    /// <summary>Not a token, altered, or signed by a key Tracker does not hold. Participants see one message for all of these.</summary>
    Invalid,

    Expired,
}

/// <summary>
/// The verdict on a presented token; <see cref="Token"/> is set only when the signature held. <see cref="Unpurposed"/>
/// marks a version-1 token, signed before links named their purpose: see <see cref="LegacyLinks"/>.
/// </summary>
public sealed record LinkVerification(LinkVerificationStatus Status, LinkToken? Token, bool Unpurposed = false)
{
    public static LinkVerification Invalid { get; } = new(LinkVerificationStatus.Invalid, null);
}
